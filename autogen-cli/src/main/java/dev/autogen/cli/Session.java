package dev.autogen.cli;

import dev.autogen.Autogen;
import dev.autogen.api.AutogenException;
import dev.autogen.api.ConnectionSettings;
import dev.autogen.api.Direction;
import dev.autogen.api.EntitySource;
import dev.autogen.api.ErrorCode;
import dev.autogen.api.Project;
import dev.autogen.api.RevisionInfo;
import dev.autogen.api.RunListener;
import dev.autogen.api.Settings;
import dev.autogen.api.StepResult;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * One command's view of the project: its configuration, the database (started on first use when it is
 * the embedded one), and the API over both.
 */
final class Session implements AutoCloseable {

    private final Config config;
    private final RunListener progress;
    private final PrintWriter notes;
    private EmbeddedDatabase embedded;
    private ConnectionSettings connection;
    private EmbeddedDatabase scratch;
    /** Hears the embedded servers' passwords, so that nothing printed shows them. */
    private final Consumer<String> secrets;

    Session(Config config, PrintWriter out, PrintWriter notes, Consumer<String> secrets) {
        this.config = config;
        this.progress = new Progress(out);
        this.notes = notes;
        this.secrets = secrets;
    }

    /** Each migration printed as it starts and ends, so a failure after ten shows the ten. */
    private record Progress(PrintWriter out) implements RunListener {
        @Override
        public void started(RevisionInfo revision, Direction direction, int statements) {
            out.println(Format.text("Running " + direction.word() + " " + revision.id() + ", " + revision.title() + " ("
                    + statements + " statement" + (statements == 1 ? "" : "s") + ")"));
            out.flush();
        }

        @Override
        public void finished(StepResult step) {
            step.outsideTransaction()
                    .forEach(sql ->
                            out.println(Format.text("  ran on its own, outside the migration's transaction: " + sql)));
            out.println("  done in " + step.durationMillis() + " ms");
            out.flush();
        }

        @Override
        public void stillRunning(RevisionInfo revision, String statement, Duration elapsed) {
            out.println(Format.text("  still running after " + elapsed.toSeconds() + " s: " + statement));
            out.flush();
        }

        @Override
        public void waitingForLock(String holder, Duration waited) {
            out.println(Format.text(
                    (waited.toSeconds() == 0 ? "Waiting" : "Still waiting after " + waited.toSeconds() + " s")
                            + " for the migration lock, held by " + holder));
            out.flush();
        }

        @Override
        public void retrying(RevisionInfo revision, String why, Duration pause, int attempt) {
            out.println(Format.text("  " + why));
            out.println("  trying again in " + pause.toSeconds() + " s (try " + attempt + ")");
            out.flush();
        }
    }

    Config config() {
        return config;
    }

    Autogen autogen() {
        Settings settings = new Settings(
                this::connection,
                config.schema(),
                config.versionTable(),
                config.excludeTables(),
                config.ignore(),
                config.runOptions(),
                progress,
                this::scratch);
        EntitySource entities = config.entitiesClasspath().isEmpty()
                ? null
                : new EntitySource(
                        config.entitiesClasspath(),
                        config.entitiesPackages(),
                        config.naming(),
                        config.schema(),
                        config.hibernateSettings());
        Project project = new Project(
                config.migrationsDir(),
                config.migrationsPackage(),
                config.baseDir().resolve(".autogen/classes"),
                entities);
        return Autogen.forProject(settings, project);
    }

    /** The database the commands use, started first when it is the embedded one. */
    ConnectionSettings database() {
        return connection();
    }

    private synchronized ConnectionSettings connection() {
        if (connection == null) {
            if (config.url() == null) {
                throw new AutogenException(
                        ErrorCode.CONFIG_INVALID,
                        "no database url is configured",
                        "set url in " + config.file() + " (url = embedded for a local one), AUTOGEN_URL, or --url");
            }
            if (config.embedded()) {
                embedded = EmbeddedDatabase.start(
                        config.baseDir().resolve(".autogen/pgdata"),
                        notes,
                        config.runOptions().lockWait());
                connection = embedded.connection();
                secrets.accept(connection.password());
            } else {
                connection = new ConnectionSettings(config.url(), config.user(), config.password());
            }
        }
        return connection;
    }

    /** A throw-away embedded server, for a history only a database can run: started on first use, gone at close. */
    private synchronized ConnectionSettings scratch() {
        if (scratch == null) {
            scratch = EmbeddedDatabase.startThrowAway();
            secrets.accept(scratch.connection().password());
        }
        return scratch.connection();
    }

    @Override
    public void close() {
        if (embedded != null) {
            embedded.close();
        }
        if (scratch != null) {
            scratch.close();
        }
    }
}
