package dev.autogen.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code autogen} command. Commands arrive with the runner; for now it only names itself. */
@Command(
        name = "autogen",
        mixinStandardHelpOptions = true,
        version = "autogen 0.1.0-SNAPSHOT",
        description = "Schema migrations generated from JPA entities.")
public final class Main implements Callable<Integer> {

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command with the given streams and returns its exit code, so tests can run it in-process. */
    static int run(String[] args, PrintWriter out, PrintWriter err) {
        return new CommandLine(new Main()).setOut(out).setErr(err).execute(args);
    }

    @Override
    public Integer call() {
        new CommandLine(this).usage(System.out);
        return 0;
    }
}
