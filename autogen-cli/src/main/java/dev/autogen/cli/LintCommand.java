package dev.autogen.cli;

import dev.autogen.Fleet;
import dev.autogen.api.FleetTargets;
import dev.autogen.api.LintFinding;
import dev.autogen.api.TerminalText;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
        name = "lint",
        mixinStandardHelpOptions = true,
        description = "Exit 0 when the migrations take no risk on tables with rows and traffic; otherwise list"
                + " each (the lock, what it does, the safer way) and exit 3. A migration accepts one with"
                + " @AcceptedRisk(rule = ..., reason = ...).")
final class LintCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Parameters(
            arity = "0..1",
            paramLabel = "RANGE",
            description = "FROM:TO, one revision, or all (default); on a fleet, each target's pending migrations.")
    String range;

    @Mixin
    FleetFlags fleet;

    @Override
    public Integer call() {
        try (Session session = main.session()) {
            FleetTargets targets = FleetRunning.targets(session, fleet);
            if (!targets.isEmpty()) {
                return FleetRunning.run(main, session, fleet, targets, Fleet::lint);
            }
            List<LintFinding> findings = session.autogen().lint(range);
            if (findings.isEmpty()) {
                main.out.println("No risks: the migrations hold no busy table for long, nor break running code.");
                return Main.OK;
            }
            findings.forEach(f -> main.out.println(TerminalText.of(f.toString())));
            main.out.println(findings.size() + " risk" + (findings.size() == 1 ? "" : "s")
                    + " (accept one in its migration with @AcceptedRisk(rule = ..., reason = ...)).");
            return Main.DIFFERENCES;
        }
    }
}
