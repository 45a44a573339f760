package dev.autogen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;

class MainTest {

    @Test
    void eachCommandIsFoundByItsOwnName() {
        assertThat(Main.commands())
                .hasSize(18)
                .allSatisfy((name, command) ->
                        assertThat(command.getAnnotation(Command.class).name()).isEqualTo(name));
    }
}
