package dev.autogen.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * bin/autogen builds its start-up archive from this training run on the sample entities; when the run
 * fails there is no archive, and every command starts slowly. It must keep running.
 */
@Tag("database")
class WarmupTest {

    @Test
    void theTrainingRunForTheStartUpArchiveRunsOnTheSample() {
        String sample =
                Path.of("../sample-entities/target/classes").toAbsolutePath().toString();
        assertThatCode(() -> Warmup.main(new String[] {sample})).doesNotThrowAnyException();
    }

    @Test
    void itsCommandsAgainstAThrowAwayServerSucceed(@org.junit.jupiter.api.io.TempDir Path work) {
        String sample =
                Path.of("../sample-entities/target/classes").toAbsolutePath().toString();
        java.io.PrintWriter nowhere = new java.io.PrintWriter(java.io.Writer.nullWriter());
        assertThat(Warmup.againstADatabase(sample, work, nowhere)).hasSize(6).containsOnly(0);
    }
}
