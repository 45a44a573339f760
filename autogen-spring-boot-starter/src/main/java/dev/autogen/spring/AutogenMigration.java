package dev.autogen.spring;

import dev.autogen.Autogen;
import dev.autogen.api.Change;
import dev.autogen.api.Configuration;
import dev.autogen.api.ConnectionSettings;
import dev.autogen.api.EntitySource;
import dev.autogen.api.FleetListener;
import dev.autogen.api.FleetOptions;
import dev.autogen.api.FleetReport;
import dev.autogen.api.Migrations;
import dev.autogen.api.Naming;
import dev.autogen.api.Reports;
import dev.autogen.api.RunListener;
import dev.autogen.api.RunResult;
import dev.autogen.api.Settings;
import dev.autogen.api.Target;
import dev.autogen.api.TargetOutcome;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;

/**
 * Migrates the application's database to its target as the context starts, before JPA (the entity
 * manager factory depends on this bean); with {@code autogen.check-on-startup}, then refuses to start
 * when the entities still differ from the database.
 */
public class AutogenMigration implements InitializingBean {

    private static final Logger LOG = LoggerFactory.getLogger(AutogenMigration.class);

    private final DataSource dataSource;
    private final AutogenProperties properties;
    private final ClassLoader classLoader;
    private final List<String> entityPackages;
    private final Naming naming;

    public AutogenMigration(
            DataSource dataSource,
            AutogenProperties properties,
            ClassLoader classLoader,
            List<String> entityPackages,
            Naming naming) {
        this.dataSource = dataSource;
        this.properties = properties;
        this.classLoader = classLoader;
        this.entityPackages = List.copyOf(entityPackages);
        this.naming = naming;
    }

    @Override
    public void afterPropertiesSet() {
        ConnectionSettings database = ConnectionSettings.of(dataSource);
        Configuration config =
                Configuration.of(properties.keys(database.url()), "the application's autogen.* properties");
        Settings settings = config.settings(() -> database, RunListener.NONE, null);
        Migrations migrations = Migrations.fromClassLoader(classLoader, config.migrationsPackage());
        if (!config.targets().isEmpty()) {
            migrateFleet(config, settings, migrations);
            return;
        }
        RunResult result = new Autogen(settings, migrations).upgrade(properties.target());
        LOG.info(
                "autogen: the database is at {} ({} migration{} applied)",
                result.after(),
                result.steps().size(),
                result.steps().size() == 1 ? "" : "s");
        if (properties.checkOnStartup()) {
            check(config, settings, migrations);
        }
    }

    /**
     * Every target of {@code autogen.targets.*} to the target revision (then checked, when asked); the
     * application starts only when all are there.
     */
    private void migrateFleet(Configuration config, Settings settings, Migrations migrations) {
        AutogenProperties.Targets fleet = properties.targets();
        FleetOptions options = new FleetOptions(fleet.parallel(), fleet.canary(), fleet.continueOnError());
        Autogen autogen = properties.checkOnStartup()
                ? Autogen.forApplication(settings, migrations, entities(config), cache())
                : new Autogen(settings, migrations);
        List<Target> targets = autogen.targets(config.targets());
        FleetReport report = autogen.fleet(targets, options, FleetListener.NONE).upgrade(properties.target());
        LOG.info("autogen: {}", Reports.summary(report));
        refuseUnless(report, "migrating");
        if (properties.checkOnStartup()) {
            FleetReport checked =
                    autogen.fleet(targets, options, FleetListener.NONE).check();
            refuseUnless(checked, "checking");
        }
    }

    private static void refuseUnless(FleetReport report, String what) {
        List<String> unfinished = report.outcomes().stream()
                .filter(o -> o.status() != TargetOutcome.Status.OK)
                .map(o -> o.target() + " " + o.status().word()
                        + (o.error() != null ? ": " + o.error() : o.detail().isEmpty() ? "" : " (" + o.detail() + ")"))
                .toList();
        if (!unfinished.isEmpty()) {
            throw new IllegalStateException("autogen: " + what + " the fleet left " + unfinished.size() + " of "
                    + report.outcomes().size() + " targets unfinished: "
                    + String.join("; ", unfinished.subList(0, Math.min(5, unfinished.size())))
                    + (unfinished.size() > 5 ? "; ..." : ""));
        }
    }

    private EntitySource entities(Configuration config) {
        List<String> classpath = List.of(System.getProperty("java.class.path").split(File.pathSeparator));
        return new EntitySource(classpath, entityPackages, naming, config.schema(), Map.of());
    }

    private static Path cache() {
        return Path.of(System.getProperty("java.io.tmpdir"), "autogen-" + System.getProperty("user.name"));
    }

    private void check(Configuration config, Settings settings, Migrations migrations) {
        List<Change> differences = Autogen.forApplication(settings, migrations, entities(config), cache())
                .check();
        if (!differences.isEmpty()) {
            throw new IllegalStateException("autogen: the entities and the database differ after migrating ("
                    + differences.stream().map(Change::toString).collect(Collectors.joining("; "))
                    + "); write a migration for them (autogen revision --autogenerate), or set"
                    + " autogen.check-on-startup=false");
        }
        LOG.info("autogen: the entities match the database");
    }
}
