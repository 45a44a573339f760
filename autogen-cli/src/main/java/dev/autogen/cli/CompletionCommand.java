package dev.autogen.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "completion",
        mixinStandardHelpOptions = true,
        description = "Print a completion script for bash and zsh, made from the commands' own definitions:"
                + " source <(autogen completion) (zsh: autoload -U bashcompinit && bashcompinit first).")
final class CompletionCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        main.out.print(AutoComplete.bash("autogen", spec.root().commandLine()));
        return Main.OK;
    }
}
