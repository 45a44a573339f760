package dev.autogen.cli;

import dev.autogen.api.AutogenException;
import dev.autogen.api.ErrorCode;
import dev.autogen.api.FleetOptions;
import dev.autogen.api.FleetTargets;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The options of the commands that can work on a fleet: which targets (over the configuration's
 * {@code targets.*}), how many at once, and where the report goes.
 */
final class FleetFlags {

    enum Format {
        text,
        json
    }

    @Option(
            names = "--schemas",
            paramLabel = "PATTERN",
            description = "Work on every schema matching PATTERN (tenant_*); overrides targets.schemas.")
    String schemas;

    @Option(
            names = "--targets-file",
            paramLabel = "FILE",
            description = "Work on the databases FILE lists, a JDBC url a line (or a name, a blank, the url);"
                    + " overrides targets.file.")
    Path file;

    @Option(
            names = "--targets-query",
            paramLabel = "SQL",
            description = "Work on the databases SQL lists when run on the configured database (a url a row, or a"
                    + " name and a url); overrides targets.query.")
    String query;

    @Option(
            names = "--parallel",
            paramLabel = "N",
            defaultValue = "1",
            description = "On a fleet: run N targets at once, one connection each (default 1).")
    int parallel;

    @Option(
            names = "--canary",
            paramLabel = "K",
            defaultValue = "0",
            description = "On a fleet: run the first K targets first, and stop if one of them fails.")
    int canary;

    @Option(
            names = "--continue-on-error",
            description = "On a fleet: go on with the other targets after one fails (default: start no more).")
    boolean continueOnError;

    @Option(
            names = "--only-failed",
            paramLabel = "REPORT",
            description = "On a fleet: run only the targets the REPORT (of --report) did not finish, and new ones.")
    Path onlyFailed;

    @Option(
            names = "--report",
            paramLabel = "FILE",
            description = "On a fleet: write the report as JSON to FILE, for --only-failed.")
    Path report;

    @Option(names = "--format", defaultValue = "text", description = "text, or json for scripts and CI tools.")
    Format format;

    /** The targets the command line names, over the configuration's. */
    FleetTargets over(FleetTargets configured) {
        return configured.over(new FleetTargets(schemas, file == null ? null : file.toAbsolutePath(), query));
    }

    FleetOptions options() {
        try {
            return new FleetOptions(parallel, canary, continueOnError);
        } catch (IllegalArgumentException e) {
            throw new AutogenException(
                    ErrorCode.CONFIG_INVALID, e.getMessage(), "give --parallel 1 or more, --canary 0 or more");
        }
    }
}
