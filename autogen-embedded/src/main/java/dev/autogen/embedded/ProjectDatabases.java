package dev.autogen.embedded;

import dev.autogen.api.Configuration;
import dev.autogen.api.ConnectionSettings;
import java.util.function.Consumer;

/**
 * The databases one command of a project uses: the configured one, started on first use when it is the
 * embedded one ({@code .autogen/pgdata} beside the configuration), and a throw-away scratch server for a
 * history only a database can build. Both stop when the command closes this.
 */
public final class ProjectDatabases implements AutoCloseable {

    private final Configuration config;
    private final Consumer<String> notes;
    /** Hears the embedded servers' passwords, so that nothing printed shows them. */
    private final Consumer<String> secrets;

    private EmbeddedDatabase embedded;
    private ConnectionSettings connection;
    private EmbeddedDatabase scratch;

    /**
     * @param notes hears what a start has to say (waiting for another command's turn, an orphan stopped)
     * @param secrets hears each embedded server's password as it is made known
     */
    public ProjectDatabases(Configuration config, Consumer<String> notes, Consumer<String> secrets) {
        this.config = config;
        this.notes = notes;
        this.secrets = secrets;
    }

    /** The database the commands use, started first when it is the embedded one. */
    public synchronized ConnectionSettings connection() {
        if (connection == null) {
            if (config.embedded()) {
                embedded = EmbeddedDatabase.start(
                        config.baseDir().resolve(".autogen/pgdata"),
                        config.embeddedVersion(),
                        notes,
                        config.runOptions().lockWait());
                connection = embedded.connection();
                secrets.accept(connection.password());
            } else {
                connection = config.connection();
            }
        }
        return connection;
    }

    /**
     * The throw-away server as the settings' scratch database, for a project on PostgreSQL (or none yet):
     * the history must run on the database it was written for, so for another (MariaDB) there is none, and
     * the history is replayed in memory instead.
     */
    public java.util.function.Supplier<ConnectionSettings> scratchForProject() {
        String url = config.url();
        boolean postgres = url == null || config.embedded() || url.startsWith("jdbc:postgresql:");
        return postgres ? this::scratch : null;
    }

    /** A throw-away embedded server: started on first use, gone at close. */
    public synchronized ConnectionSettings scratch() {
        if (scratch == null) {
            scratch = EmbeddedDatabase.startThrowAway(config.embeddedVersion());
            secrets.accept(scratch.connection().password());
        }
        return scratch.connection();
    }

    @Override
    public synchronized void close() {
        try {
            if (embedded != null) {
                embedded.close();
            }
        } finally {
            if (scratch != null) {
                scratch.close();
            }
        }
    }
}
