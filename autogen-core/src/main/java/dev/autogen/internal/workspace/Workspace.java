package dev.autogen.internal.workspace;

import dev.autogen.api.AutogenException;
import dev.autogen.api.ConnectionSettings;
import dev.autogen.api.ErrorCode;
import dev.autogen.api.Migrations;
import dev.autogen.api.Project;
import dev.autogen.api.RunListener;
import dev.autogen.api.Settings;
import dev.autogen.api.Target;
import dev.autogen.internal.dialect.Dialect;
import dev.autogen.internal.dialect.IntrospectionScope;
import dev.autogen.internal.diff.IgnoreRules;
import dev.autogen.internal.discovery.MigrationLoader;
import dev.autogen.internal.operations.CreateSchema;
import dev.autogen.internal.revision.RevisionGraph;
import dev.autogen.internal.revision.RevisionNode;
import dev.autogen.internal.runner.Runner;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What every verb reaches through: the settings, the migrations' graph (loaded once per instance), the
 * configured database's dialect, a connection per verb with a pool's etiquette, and the runner and scopes
 * the settings make.
 */
public final class Workspace {

    private final Settings settings;
    private final Migrations migrations;
    private final Project project;
    private final ConnectionGauge gauge;
    private final boolean onTargetSchema;
    private RevisionGraph graph;

    public Workspace(Settings settings, Migrations migrations, Project project) {
        this(settings, migrations, project, ConnectionGauge.NONE, false);
    }

    private Workspace(
            Settings settings, Migrations migrations, Project project, ConnectionGauge gauge, boolean onTargetSchema) {
        this.settings = settings;
        this.migrations = migrations;
        this.project = project;
        this.gauge = gauge;
        this.onTargetSchema = onTargetSchema;
    }

    /**
     * This workspace on one target of a fleet, with the same graph: its schema is the target's (the
     * entities' too, so that Hibernate maps them there), its sessions work in that schema (a migration's own
     * SQL finds the target's tables unqualified), {@code listener} hears its runs, and {@code gauge} counts
     * its connections. {@code ownScratchSchema}: no other target of the fleet has its schema's name, so that
     * its history can be built on the one throw-away database beside the others'; otherwise it has none
     * (its history is replayed in memory), since two histories in one schema there would mix.
     */
    public Workspace onTarget(Target target, RunListener listener, ConnectionGauge gauge, boolean ownScratchSchema) {
        ConnectionSettings connection = target.connection();
        Settings onTarget = new Settings(
                () -> connection,
                target.schema(),
                settings.versionTable(),
                settings.excludeTables(),
                settings.ignore(),
                settings.runOptions(),
                listener,
                ownScratchSchema ? settings.scratch() : null,
                connection.dataSource() == null ? connection.url() : null);
        Project targetProject = project == null || project.entities() == null
                ? project
                : project.withEntities(project.entities().withDefaultSchema(target.schema()));
        Workspace workspace = new Workspace(onTarget, migrations, targetProject, gauge, true);
        workspace.graph = graph();
        return workspace;
    }

    public Settings settings() {
        return settings;
    }

    /**
     * This workspace on the scratch database (which must be set), quiet, with the same graph and the
     * history run there up to {@code revisions}.
     */
    public Workspace onScratchAt(List<String> revisions) {
        Workspace scratch = new Workspace(
                settings.withConnection(settings.scratch()).withScratch(null).withListener(RunListener.NONE),
                migrations,
                project);
        scratch.graph = graph();
        Dialect dialect = scratch.dialect();
        // The throw-away database has only its own schemas: the history's default one (a tenant's, say) is
        // made there first, as the real database had it before its first migration.
        scratch.withConnection(dialect, c -> {
            try {
                if (!dialect.schemaNames(c).contains(settings.schema())) {
                    try (java.sql.Statement statement = c.createStatement()) {
                        for (String sql : dialect.render(new CreateSchema(settings.schema()))) {
                            statement.execute(sql);
                        }
                    }
                }
                return null;
            } catch (SQLException e) {
                throw new AutogenException(
                        ErrorCode.DATABASE_ERROR,
                        "making schema " + settings.schema() + " on the throw-away database failed: " + e.getMessage(),
                        "check the scratch database's permissions");
            }
        });
        Runner runner = scratch.runner(dialect);
        revisions.forEach(revision -> scratch.withConnection(dialect, c -> runner.upgrade(c, revision)));
        return scratch;
    }

    /** The migrations' graph, loaded (and compiled, when they are sources) once per instance. */
    public synchronized RevisionGraph graph() {
        if (graph == null) {
            List<RevisionNode> nodes;
            if (migrations instanceof Migrations.FromSources sources) {
                nodes = MigrationLoader.fromSources(sources.directory(), sources.cache());
            } else {
                Migrations.FromClassLoader classes = (Migrations.FromClassLoader) migrations;
                nodes = MigrationLoader.fromClassLoader(classes.loader(), classes.packageName());
            }
            graph = RevisionGraph.of(nodes);
        }
        return graph;
    }

    public IgnoreRules ignoreRules() {
        try {
            return IgnoreRules.parse(settings.ignore());
        } catch (IllegalArgumentException e) {
            throw new AutogenException(
                    ErrorCode.CONFIG_INVALID,
                    e.getMessage(),
                    "write KIND or KIND:PATTERN, for example index:ix_legacy_* or comment");
        }
    }

    /** A revision was written: the next verb loads the graph with it. */
    public synchronized void forgetGraph() {
        graph = null;
    }

    public Project requireProject() {
        if (project == null) {
            throw new IllegalStateException("making revisions needs a Project: use Autogen.forProject");
        }
        return project;
    }

    /** The revisions the database on {@code connection} is at: none at base. */
    public Set<String> revisionsAt(Dialect dialect, Connection connection) {
        return runner(dialect).current(connection);
    }

    public Runner runner(Dialect dialect) {
        return new Runner(
                graph(),
                dialect,
                settings.schema(),
                settings.versionTable(),
                settings.runOptions(),
                settings.listener());
    }

    public IntrospectionScope scope(List<String> otherSchemas) {
        return new IntrospectionScope(
                settings.schema(), otherSchemas, settings.excludeTables(), settings.versionTable());
    }

    private ConnectionSettings connection() {
        return settings.connection().get();
    }

    /**
     * The dialect of the commands that connect to no database: the url's when the settings know it
     * without connecting, else PostgreSQL's.
     */
    public Dialect offlineDialect() {
        String url = settings.url();
        return url == null
                ? Dialects.standard()
                : Dialects.forUrl(url, new ConnectionSettings(url, null, null).safeUrl());
    }

    /** The dialect of the configured database, by its URL. */
    public Dialect dialect() {
        ConnectionSettings connection = connection();
        return Dialects.forUrl(connection.url(), connection.safeUrl());
    }

    /** Runs {@code work} on a connection of its own, given back (to a pool, as it came) when done. */
    public <T> T withConnection(Dialect dialect, Function<Connection, T> work) {
        ConnectionSettings settings = connection();
        try (ConnectionGauge.Open counted = gauge.open()) {
            return withOpened(dialect, settings, dialect.connect(settings), work);
        }
    }

    /**
     * As {@link #withConnection}, the connection opened on a thread of its own while {@code meanwhile} runs
     * on this one: a short command waits on the database and on its own start-up at once (the first
     * connection of a JVM takes tens of milliseconds, most of them the driver's first use). Should {@code
     * meanwhile} fail, the connection is closed as soon as it is open.
     */
    public <P, T> T withConnectionWhile(Dialect dialect, Supplier<P> meanwhile, BiFunction<P, Connection, T> work) {
        ConnectionSettings settings = connection();
        try (ConnectionGauge.Open counted = gauge.open()) {
            CompletableFuture<Connection> opening = OwnThread.start("autogen-connect", () -> dialect.connect(settings));
            P prepared;
            try {
                prepared = meanwhile.get();
            } catch (RuntimeException | Error e) {
                // Not waited for: an unreachable database would hold this failure's report for its timeout.
                opening.thenAccept(Workspace::closeQuietly);
                throw e;
            }
            return withOpened(dialect, settings, OwnThread.join(opening), c -> work.apply(prepared, c));
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            // The command fails for another reason; that one is what it reports.
        }
    }

    /** Runs {@code work} on {@code connection}, and closes it (or gives it back to its pool as it came). */
    private <T> T withOpened(
            Dialect dialect, ConnectionSettings settings, Connection opened, Function<Connection, T> work) {
        try (Connection connection = opened) {
            if (settings.dataSource() == null) {
                useTargetSchema(dialect, connection);
                return work.apply(connection);
            }
            // A connection borrowed from the application's pool goes back as it came.
            boolean autoCommit = connection.getAutoCommit();
            List<String> restore = dialect.sessionRestore(connection);
            try {
                useTargetSchema(dialect, connection);
                return work.apply(connection);
            } finally {
                if (!connection.isClosed()) {
                    if (!connection.getAutoCommit()) {
                        connection.rollback();
                    }
                    try (java.sql.Statement statement = connection.createStatement()) {
                        for (String sql : restore) {
                            statement.execute(sql);
                        }
                    }
                    connection.setAutoCommit(autoCommit);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("closing the connection failed", e);
        }
    }

    private void useTargetSchema(Dialect dialect, Connection connection) throws SQLException {
        if (onTargetSchema) {
            dialect.useSchema(connection, this.settings.schema());
        }
    }

    /**
     * A database a killed run left inside a migration differs from every revision: comparing it would call
     * the migration's own changes hand-made, so say what it is instead.
     */
    public void requireNotInterrupted(Dialect dialect) {
        Runner runner = runner(dialect);
        withConnection(dialect, c -> {
            requireNotInterrupted(runner, c);
            return null;
        });
    }

    /** As {@link #requireNotInterrupted(Dialect)}, on a connection the caller goes on with. */
    public void requireNotInterrupted(Runner runner, Connection connection) {
        Optional<String> interrupted = runner.interruption(connection);
        if (interrupted.isPresent()) {
            throw new AutogenException(
                    ErrorCode.MIGRATION_INTERRUPTED,
                    interrupted.get(),
                    "nothing was compared: finish or undo it first");
        }
    }
}
