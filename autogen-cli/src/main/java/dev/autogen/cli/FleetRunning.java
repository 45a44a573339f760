package dev.autogen.cli;

import dev.autogen.Autogen;
import dev.autogen.Fleet;
import dev.autogen.api.AutogenException;
import dev.autogen.api.ErrorCode;
import dev.autogen.api.FleetListener;
import dev.autogen.api.FleetReport;
import dev.autogen.api.FleetTargets;
import dev.autogen.api.Reports;
import dev.autogen.api.Target;
import dev.autogen.api.TargetOutcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A command over a fleet: the targets resolved (less those a report finished), run with a live progress
 * line on a terminal, then the report as a table or JSON, and the exit code of the whole.
 */
final class FleetRunning {

    private FleetRunning() {}

    /** The fleet the command line and the configuration name; empty when the command works on one database. */
    static FleetTargets targets(Session session, FleetFlags flags) {
        return flags.over(session.config().targets());
    }

    static int run(Main main, Session session, FleetFlags flags, FleetTargets spec, Function<Fleet, FleetReport> verb) {
        Autogen autogen = session.autogen();
        List<Target> targets = autogen.targets(spec);
        if (flags.onlyFailed != null) {
            Set<String> finished = previous(flags.onlyFailed).finished();
            targets = targets.stream().filter(t -> !finished.contains(t.name())).toList();
        }
        Progress progress = new Progress(main);
        Fleet fleet = autogen.fleet(targets, flags.options(), progress);
        FleetReport report;
        ScheduledExecutorService ticker = progress.start(fleet);
        try {
            report = main.interruptibly(fleet::cancel, () -> verb.apply(fleet));
        } finally {
            progress.stop(ticker);
        }
        if (flags.report != null) {
            write(flags.report, report.toJson() + "\n");
        }
        if (flags.format == FleetFlags.Format.json) {
            main.out.println(report.toJson());
        } else {
            Reports.fleet(report).forEach(main.out::println);
        }
        if (!report.succeeded()) {
            return Main.FAILED;
        }
        return report.count(TargetOutcome.Status.DIFFERS) > 0 ? Main.DIFFERENCES : Main.OK;
    }

    private static FleetReport previous(Path file) {
        try {
            return FleetReport.fromJson(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AutogenException(
                    ErrorCode.CONFIG_INVALID,
                    "the report " + file + " cannot be read: " + e.getMessage(),
                    "give the file an earlier fleet run wrote with --report");
        }
    }

    /** Written beside and moved into place, so that a run killed while writing leaves the last report whole. */
    private static void write(Path file, String text) {
        try {
            Path absolute = file.toAbsolutePath();
            Path staging = Files.createTempFile(
                    absolute.getParent(), absolute.getFileName().toString(), ".tmp");
            Files.writeString(staging, text, StandardCharsets.UTF_8);
            Files.move(staging, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new AutogenException(
                    ErrorCode.CONFIG_INVALID,
                    "the report cannot be written to " + file + ": " + e.getMessage(),
                    "give --report a file in a directory that exists and can be written");
        }
    }

    /**
     * On a terminal, one line rewritten in place twice a second; elsewhere (a log), a line for each target
     * that fails, as it fails.
     */
    private static final class Progress implements FleetListener {

        private final Main main;
        private final boolean terminal = System.console() != null;
        private volatile Fleet fleet;

        Progress(Main main) {
            this.main = main;
        }

        ScheduledExecutorService start(Fleet running) {
            fleet = running;
            if (!terminal) {
                return null;
            }
            ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "autogen-fleet-progress");
                thread.setDaemon(true);
                return thread;
            });
            ticker.scheduleAtFixedRate(this::tick, 500, 500, TimeUnit.MILLISECONDS);
            return ticker;
        }

        private void tick() {
            fleet.progress().ifPresent(line -> {
                synchronized (main.err) {
                    main.err.print("\r\033[K" + line.line());
                    main.err.flush();
                }
            });
        }

        void stop(ScheduledExecutorService ticker) {
            if (ticker != null) {
                ticker.shutdownNow();
                synchronized (main.err) {
                    main.err.print("\r\033[K");
                    main.err.flush();
                }
            }
        }

        @Override
        public void ended(TargetOutcome outcome, dev.autogen.api.FleetProgress progress) {
            if (outcome.status() == TargetOutcome.Status.FAILED) {
                synchronized (main.err) {
                    main.err.println((terminal ? "\r\033[K" : "")
                            + dev.autogen.api.TerminalText.of("failed: " + outcome.target() + ": " + outcome.error()));
                    main.err.flush();
                }
            }
        }
    }
}
