package dev.autogen.cli;

import dev.autogen.api.AutogenException;
import dev.autogen.api.Configuration;
import dev.autogen.api.TerminalText;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The {@code autogen} command. */
@Command(
        name = "autogen",
        mixinStandardHelpOptions = true,
        version = "autogen 0.1.0-SNAPSHOT",
        description = "Schema migrations generated from JPA entities, for PostgreSQL and MariaDB.")
public final class Main implements Callable<Integer> {

    /**
     * The commands by name, in the order help lists them. Not in {@code @Command}: picocli would build every
     * one of them (reflection over each class) for every run, a tenth of a small command's time. The names
     * are their {@code @Command} names (MainTest checks), not read from the annotations, which costs as much.
     */
    private static final Map<String, Class<?>> COMMANDS = inOrder(
            Map.entry("init", InitCommand.class),
            Map.entry("revision", RevisionCommand.class),
            Map.entry("upgrade", UpgradeCommand.class),
            Map.entry("downgrade", DowngradeCommand.class),
            Map.entry("current", CurrentCommand.class),
            Map.entry("history", HistoryCommand.class),
            Map.entry("heads", HeadsCommand.class),
            Map.entry("branches", BranchesCommand.class),
            Map.entry("show", ShowCommand.class),
            Map.entry("stamp", StampCommand.class),
            Map.entry("merge", MergeCommand.class),
            Map.entry("check", CheckCommand.class),
            Map.entry("drift", DriftCommand.class),
            Map.entry("baseline", BaselineCommand.class),
            Map.entry("squash", SquashCommand.class),
            Map.entry("completion", CompletionCommand.class),
            Map.entry("psql", PsqlCommand.class),
            Map.entry("lint", LintCommand.class));

    /** Options of this command that take a value as the next argument (they may come before the command's name). */
    private static final Set<String> VALUED_OPTIONS =
            Set.of("-c", "--config", "--url", "--user", "--password", "--schema");

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;
    static final int DIFFERENCES = 3;

    /** How long Ctrl-C waits for the cancelled migration to roll back before the process ends anyway. */
    private static final int CANCEL_WAIT_SECONDS = 20;

    /**
     * The libraries' loggers, held so that their settings are not garbage-collected away. Not fields of this
     * class: a plain {@code java -jar} runs the command in a second JVM, and the first need not start logging.
     */
    private static final class LibraryLogs {
        static final Logger HIBERNATE = Logger.getLogger("org.hibernate");
        static final Logger DRIVER = Logger.getLogger("org.postgresql");
    }

    @Option(
            names = {"-c", "--config"},
            scope = ScopeType.INHERIT,
            paramLabel = "FILE",
            description = "Configuration file (default: ./autogen.properties).")
    Path config;

    @Option(names = "--url", scope = ScopeType.INHERIT, description = "JDBC URL, or 'embedded'; overrides url.")
    String url;

    @Option(names = "--user", scope = ScopeType.INHERIT, description = "Database user; overrides user.")
    String user;

    @Option(names = "--password", scope = ScopeType.INHERIT, description = "Database password; overrides password.")
    String password;

    @Option(names = "--schema", scope = ScopeType.INHERIT, description = "Default schema; overrides schema.")
    String schema;

    @Option(names = "--debug", scope = ScopeType.INHERIT, description = "Print stack traces and library logs.")
    boolean debug;

    PrintWriter out;
    PrintWriter err;
    Map<String, String> environment;
    /** Configuration keys a build tool sets, over the file's. */
    Map<String, String> settings = Map.of();
    /** Keys a build tool knows of the project, used where nothing else gives them. */
    Map<String, String> defaults = Map.of();
    /** Every secret this command knows, kept out of all it prints. */
    Secrets secrets;

    /** Open until this command has printed all it has to say: a Ctrl-C waits for it. */
    private final CountDownLatch finished = new CountDownLatch(1);

    public static void main(String[] args) {
        OptionalInt tuned = TunedJvm.run(args, CANCEL_WAIT_SECONDS);
        if (tuned.isPresent()) {
            System.exit(tuned.getAsInt());
        }
        TunedJvm.watchParent();
        int code = run(args, System.getenv(), new PrintWriter(System.out, true), new PrintWriter(System.err, true));
        System.exit(code);
    }

    /** Runs the command with the given environment and streams, and returns its exit code. */
    static int run(String[] args, Map<String, String> environment, PrintWriter out, PrintWriter err) {
        return run(args, environment, Map.of(), out, err);
    }

    /**
     * Runs the command as a build tool does: {@code settings} are configuration keys taken over those of
     * {@code autogen.properties} (which may then be missing). Returns the exit code: 0, 1 failed, 2 bad
     * command line, 3 differences found.
     */
    public static int run(
            String[] args,
            Map<String, String> environment,
            Map<String, String> settings,
            PrintWriter out,
            PrintWriter err) {
        return run(args, environment, settings, Map.of(), out, err);
    }

    /** As above, with {@code defaults}: keys that count only where neither the file nor {@code settings} give them. */
    public static int run(
            String[] args,
            Map<String, String> environment,
            Map<String, String> settings,
            Map<String, String> defaults,
            PrintWriter out,
            PrintWriter err) {
        Main main = new Main();
        main.settings = Map.copyOf(settings);
        main.defaults = Map.copyOf(defaults);
        main.out = out;
        main.err = err;
        main.environment = environment;
        main.secrets = Secrets.of(args, environment);
        CommandLine commandLine = commandLine(main, named(args)).setOut(out).setErr(err);
        commandLine.setParameterExceptionHandler((e, arguments) -> {
            String what = e.getMessage();
            if (e instanceof CommandLine.UnmatchedArgumentException unmatched
                    && !unmatched.getUnmatched().isEmpty()) {
                String argument = unmatched.getUnmatched().get(0);
                what = (argument.startsWith("-") ? "unknown option '" : "unknown command or argument '") + argument
                        + "'";
            }
            err.println("error: " + main.secrets.mask(TerminalText.of(what)) + " (see 'autogen --help')");
            err.flush();
            return USAGE;
        });
        commandLine.setExecutionExceptionHandler((e, line, parsed) -> {
            if (main.debug) {
                StringWriter trace = new StringWriter();
                e.printStackTrace(new PrintWriter(trace));
                err.print(main.secrets.maskForeign(trace.toString()));
            }
            String what = e instanceof AutogenException
                    ? e.getMessage()
                    : e + " (an autogen bug: rerun with --debug and report it)";
            err.println("error: " + main.secrets.mask(TerminalText.of(what)));
            err.flush();
            return FAILED;
        });
        boolean debug = java.util.Arrays.asList(args).contains("--debug");
        // Libraries log through java.util.logging to stderr; only --debug shows it, masked or not at all.
        LibraryLogs.HIBERNATE.setLevel(debug ? Level.INFO : Level.OFF);
        LibraryLogs.DRIVER.setLevel(debug ? Level.INFO : Level.OFF);
        maskLogs(main.secrets, err);
        try {
            return commandLine.execute(args);
        } finally {
            // print() does not flush an autoflushing writer, and the caller may exit straight away.
            out.flush();
            err.flush();
            main.finished.countDown();
        }
    }

    /** What libraries log (shown with --debug) goes to {@code err} through the same mask as everything else. */
    private static void maskLogs(Secrets secrets, PrintWriter err) {
        Logger root = Logger.getLogger("");
        for (Handler handler : root.getHandlers()) {
            root.removeHandler(handler);
        }
        SimpleFormatter format = new SimpleFormatter();
        root.addHandler(new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (isLoggable(record)) {
                    err.print(secrets.maskForeign(format.format(record)));
                    err.flush();
                }
            }

            @Override
            public void flush() {
                err.flush();
            }

            @Override
            public void close() {}
        });
    }

    @Override
    public Integer call() {
        commandLine(this, Optional.empty()).usage(out);
        return OK;
    }

    /**
     * This command with {@code only} as its one subcommand, or with all of them: for help, a completion script,
     * or a name picocli is to refuse with its suggestions.
     */
    private static CommandLine commandLine(Main main, Optional<Class<?>> only) {
        CommandLine line = new CommandLine(main);
        for (Class<?> command : only.map(List::<Class<?>>of).orElse(List.copyOf(COMMANDS.values()))) {
            line.addSubcommand(command);
        }
        return line;
    }

    /** The command {@code args} name, unless it is one that needs the others ({@code completion}). */
    private static Optional<Class<?>> named(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.startsWith("@") || arg.equals("--")) {
                return Optional.empty(); // an argument file or the end of options: picocli's to read
            }
            if (VALUED_OPTIONS.contains(arg)) {
                i++;
            } else if (!arg.startsWith("-")) {
                Class<?> command = COMMANDS.get(arg);
                return command == CompletionCommand.class ? Optional.empty() : Optional.ofNullable(command);
            }
        }
        return Optional.empty();
    }

    @SafeVarargs
    private static Map<String, Class<?>> inOrder(Map.Entry<String, Class<?>>... commands) {
        Map<String, Class<?>> inOrder = new LinkedHashMap<>();
        for (Map.Entry<String, Class<?>> command : commands) {
            inOrder.put(command.getKey(), command.getValue());
        }
        return Collections.unmodifiableMap(inOrder);
    }

    /** The commands' names and classes, for the test that holds them to their annotations. */
    static Map<String, Class<?>> commands() {
        return COMMANDS;
    }

    /**
     * Runs {@code work} so that Ctrl-C (or SIGTERM) cancels it cleanly: the running statement is cancelled,
     * its migration rolled back and the lock released, and the error saying where the database stays is
     * printed before the process ends.
     */
    <T> T interruptibly(Runnable cancel, Supplier<T> work) {
        Thread onSignal = new Thread(
                () -> {
                    cancel.run();
                    try {
                        finished.await(CANCEL_WAIT_SECONDS, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                "autogen-cancel");
        Runtime.getRuntime().addShutdownHook(onSignal);
        try {
            return work.get();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(onSignal);
            } catch (IllegalStateException shuttingDown) {
                // The hook is running: it waits for this command to finish printing.
            }
        }
    }

    /** A path as the user would type it: relative to the working directory when below it. */
    String relative(Path path) {
        Path here = Path.of("").toAbsolutePath();
        Path absolute = path.toAbsolutePath().normalize();
        return absolute.startsWith(here) ? here.relativize(absolute).toString() : absolute.toString();
    }

    /** The configuration, with environment and options applied; {@code init} is the only command without one. */
    Session session() {
        if (password != null) {
            err.println("warning: --password is visible to every user of this machine (ps); prefer AUTOGEN_PASSWORD,"
                    + " password.file in the configuration, or ~/.pgpass");
        }
        Path file = config != null ? config : Path.of(Configuration.FILE_NAME);
        Configuration loaded = Configuration.load(
                file, environment, new Configuration.Overrides(url, user, password, schema), settings, defaults);
        secrets.add(loaded.password());
        secrets.addUrl(loaded.url());
        secrets.user(loaded.user());
        return new Session(loaded, out, err, secrets::add);
    }
}
