package dev.autogen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autogen.api.Change;
import dev.autogen.api.EntitySource;
import dev.autogen.api.Naming;
import dev.autogen.api.Project;
import dev.autogen.api.RevisionRequest;
import dev.autogen.api.Settings;
import dev.autogen.sample.Owner;
import dev.autogen.testing.HibernateApplication;
import dev.autogen.testing.TestClasspath;
import dev.autogen.testing.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Objects the ignore setting names are left alone by check and autogenerate alike; the rest is still seen. */
@Tag("database")
class IgnoreSettingTest {

    private static final EntitySource SAMPLE = EntitySource.of(List.of(TestClasspath.locationOf(Owner.class)))
            .withPackages(List.of("dev.autogen.sample"))
            .withNaming(Naming.SPRING);

    @TempDir
    Path work;

    @Test
    void namedObjectsKindsAndColumnsAreLeftAloneByCheckAndAutogenerate() {
        try (TestDatabase db = TestDatabase.create()) {
            HibernateApplication.create(db, SAMPLE);
            db.execute(
                    "create index ix_legacy_owner_city on owner (city)",
                    "alter table owner add column legacy_code text",
                    "alter table specialty add constraint chk_legacy check (length(name) > 0)",
                    "comment on table specialty is 'changed by the DBA'",
                    "create sequence legacy_seq");

            assertThat(autogen(db, List.of()).check())
                    .extracting(Change::description)
                    .containsExactlyInAnyOrder(
                            "drop index ix_legacy_owner_city on public.owner",
                            "drop check constraint chk_legacy on public.specialty",
                            "remove the comment on table public.specialty",
                            "drop column public.owner.legacy_code",
                            "drop sequence public.legacy_seq");

            Autogen ignoring = autogen(
                    db,
                    List.of(
                            "index:ix_legacy_*",
                            "column:owner.legacy_*",
                            "constraint:chk_*",
                            "comment",
                            "sequence:public.legacy_seq"));
            assertThat(ignoring.check()).isEmpty();
            assertThat(ignoring.revision(RevisionRequest.autogenerate("nothing"))
                            .written())
                    .isEmpty();

            assertThat(autogen(db, List.of("check", "index:ix_other")).check())
                    .extracting(Change::description)
                    .as("what the rules do not name is still seen")
                    .contains("drop index ix_legacy_owner_city on public.owner", "drop column public.owner.legacy_code")
                    .doesNotContain("drop check constraint chk_legacy on public.specialty");
        }
    }

    @Test
    void aRuleOfAnUnknownKindIsAnError() {
        try (TestDatabase db = TestDatabase.create()) {
            assertThatThrownBy(() -> autogen(db, List.of("indexes:ix_*")).check())
                    .hasMessageContaining(
                            "ignore rule 'indexes:ix_*' does not start with one of [table, column, index,");
        }
    }

    private Autogen autogen(TestDatabase db, List<String> ignore) {
        Project project = new Project(work.resolve("migrations"), "migrations", work.resolve("cache"), SAMPLE);
        return Autogen.forProject(Settings.of(db.settings()).withIgnore(ignore), project);
    }
}
