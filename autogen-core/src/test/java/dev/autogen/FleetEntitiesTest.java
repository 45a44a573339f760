package dev.autogen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.api.ConnectionSettings;
import dev.autogen.api.FleetListener;
import dev.autogen.api.FleetOptions;
import dev.autogen.api.FleetReport;
import dev.autogen.api.FleetTargets;
import dev.autogen.api.Project;
import dev.autogen.api.RevisionRequest;
import dev.autogen.api.Settings;
import dev.autogen.api.Target;
import dev.autogen.api.TargetOutcome;
import dev.autogen.api.TargetOutcome.Status;
import dev.autogen.testing.EntityChange;
import dev.autogen.testing.TestDatabase;
import dev.autogen.testing.TestMariaDb;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fleet's tenants checked against the entities (Hibernate maps them into each tenant's schema) and
 * compared with their own history, on PostgreSQL's schemas and on MariaDB's databases: a tenant changed by
 * hand is the one that differs, the others are clean.
 */
@Tag("database")
class FleetEntitiesTest {

    private static final Map<String, String> SHOP = Map.of("Shop.java", """
            @Entity
            public class Shop {
                @Id Long id;
                @Column(nullable = false, length = 80) String name;
                @ManyToOne Shop parent;
            }
            """);

    @TempDir
    Path work;

    @Test
    void onPostgresqlSchemasTheTenantChangedByHandIsTheOneThatDiffers() {
        try (TestDatabase db = TestDatabase.create()) {
            db.execute("create schema tenant_a", "create schema tenant_b", "create schema tenant_c");
            checkAndDrift(db.settings(), "public", "tenant_*", db::execute);
        }
    }

    @Test
    @EnabledIf("dev.autogen.testing.TestMariaDb#available")
    void onMariaDbDatabasesTheTenantChangedByHandIsTheOneThatDiffers() {
        try (TestMariaDb db = TestMariaDb.create()) {
            String prefix = db.name() + "_t";
            try {
                for (String t : List.of("a", "b", "c")) {
                    db.execute("create database " + prefix + t);
                }
                checkAndDrift(
                        db.settings(), db.name(), prefix + "*", sql -> db.execute(sql.replace("tenant_", prefix)));
            } finally {
                for (String t : List.of("a", "b", "c")) {
                    db.execute("drop database if exists " + prefix + t);
                }
            }
        }
    }

    /** {@code execute} runs a statement written for the PostgreSQL tenants' names on this database. */
    private void checkAndDrift(ConnectionSettings database, String schema, String pattern, Consumer<String> execute) {
        Path classes = EntityChange.compile(work.resolve("v1"), SHOP);
        Project project = new Project(
                work.resolve("migrations"),
                "migrations",
                work.resolve("cache"),
                EntityChange.source(classes).withDefaultSchema(schema));
        Autogen autogen = Autogen.forProject(Settings.of(database), project);
        autogen.revision(RevisionRequest.autogenerate("shops"));
        List<Target> targets = autogen.targets(new FleetTargets(pattern, null, null));
        assertThat(targets).hasSize(3);
        Fleet fleet = autogen.fleet(targets, new FleetOptions(2, 0, false), FleetListener.NONE);

        assertThat(fleet.upgrade("head").succeeded()).isTrue();
        FleetReport clean = fleet.check();
        assertThat(clean.outcomes()).extracting(TargetOutcome::status).containsOnly(Status.OK);
        assertThat(fleet.drift().outcomes()).extracting(TargetOutcome::status).containsOnly(Status.OK);

        execute.accept("alter table tenant_b.shop add column note varchar(20)");
        FleetReport checked = fleet.check();
        FleetReport drifted = fleet.drift();

        for (FleetReport report : List.of(checked, drifted)) {
            assertThat(report.outcomes())
                    .extracting(TargetOutcome::status)
                    .containsExactly(Status.OK, Status.DIFFERS, Status.OK);
            assertThat(report.outcomes().get(1).detail()).isEqualTo("1 difference");
            assertThat(report.succeeded()).isTrue();
        }
    }
}
