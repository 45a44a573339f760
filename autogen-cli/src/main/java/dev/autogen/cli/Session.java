package dev.autogen.cli;

import dev.autogen.AutogenException;
import dev.autogen.ErrorCode;
import dev.autogen.api.Autogen;
import dev.autogen.api.Project;
import dev.autogen.api.Settings;
import dev.autogen.db.ConnectionSettings;
import dev.autogen.entities.EntitySource;

/**
 * One command's view of the project: its configuration, the database (started on first use when it is
 * the embedded one), and the API over both.
 */
final class Session implements AutoCloseable {

    private final Config config;
    private EmbeddedDatabase embedded;
    private ConnectionSettings connection;

    Session(Config config) {
        this.config = config;
    }

    Config config() {
        return config;
    }

    Autogen autogen() {
        Settings settings = new Settings(this::connection, config.schema(), config.versionTable(), config.excludeTables(),
                config.runOptions());
        EntitySource entities = config.entitiesClasspath().isEmpty() ? null : new EntitySource(
                config.entitiesClasspath(), config.entitiesPackages(), config.naming(), config.schema(), config.hibernateSettings());
        Project project = new Project(config.migrationsDir(), config.migrationsPackage(),
                config.baseDir().resolve(".autogen/classes"), entities);
        return Autogen.forProject(settings, project);
    }

    private synchronized ConnectionSettings connection() {
        if (connection == null) {
            if (config.url() == null) {
                throw new AutogenException(ErrorCode.CONFIG_INVALID, "no database url is configured",
                        "set url in " + config.file() + " (url = embedded for a local one), AUTOGEN_URL, or --url");
            }
            if (config.embedded()) {
                embedded = EmbeddedDatabase.start(config.baseDir().resolve(".autogen/pgdata"));
                connection = embedded.connection();
            } else {
                connection = new ConnectionSettings(config.url(), config.user(), config.password());
            }
        }
        return connection;
    }

    @Override
    public void close() {
        if (embedded != null) {
            embedded.close();
        }
    }
}
