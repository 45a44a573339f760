package dev.autogen.cli;

import dev.autogen.Autogen;
import dev.autogen.api.Configuration;
import dev.autogen.api.ConnectionSettings;
import dev.autogen.api.Reports;
import dev.autogen.embedded.ProjectDatabases;
import java.io.PrintWriter;
import java.util.function.Consumer;

/**
 * One command's view of the project: its configuration, the database (started on first use when it is
 * the embedded one), and the API over both.
 */
final class Session implements AutoCloseable {

    private final Configuration config;
    private final PrintWriter out;
    private final ProjectDatabases databases;

    Session(Configuration config, PrintWriter out, PrintWriter notes, Consumer<String> secrets) {
        this.config = config;
        this.out = out;
        this.databases = new ProjectDatabases(config, line -> println(notes, line), secrets);
    }

    Configuration config() {
        return config;
    }

    Autogen autogen() {
        return Autogen.forProject(
                config.settings(
                        databases::connection,
                        Reports.progress(line -> println(out, line)),
                        databases.scratchForProject()),
                config.project());
    }

    /** The database the commands use, started first when it is the embedded one. */
    ConnectionSettings database() {
        return databases.connection();
    }

    /** Each line is flushed as it is said, so a failure after ten migrations shows the ten. */
    private static void println(PrintWriter writer, String line) {
        writer.println(line);
        writer.flush();
    }

    @Override
    public void close() {
        databases.close();
    }
}
