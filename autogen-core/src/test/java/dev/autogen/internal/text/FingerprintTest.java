package dev.autogen.internal.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FingerprintTest {

    @Test
    void isTheLengthAndBothChecksumsOfTheStandardCheckInput() {
        // "123456789" is the check input of every CRC catalogue: CRC-32C 0xE3069283, CRC-32 0xCBF43926.
        assertThat(Fingerprint.hex("123456789".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("0000000000000009" + "e3069283" + "cbf43926");
    }

    @Test
    void changesWithAnyByteAndWithTheLength() {
        byte[] content = new byte[4096];
        String original = Fingerprint.hex(content);
        for (int i = 0; i < content.length; i += 97) {
            byte[] changed = content.clone();
            changed[i] = 1;
            assertThat(Fingerprint.hex(changed)).as("byte %d", i).isNotEqualTo(original);
        }
        assertThat(Fingerprint.hex(new byte[4097])).isNotEqualTo(original);
        assertThat(Fingerprint.hex(content.clone())).isEqualTo(original);
    }

    @Test
    void aDirectorysChangesWithAFilesContentOrNameOrAFileMore(@TempDir Path directory) throws IOException {
        Files.createDirectories(directory.resolve("a/b"));
        Files.writeString(directory.resolve("a/b/One.class"), "one");
        Files.writeString(directory.resolve("Two.class"), "two");
        byte[] before = Fingerprint.ofDirectory(directory);
        assertThat(Fingerprint.ofDirectory(directory)).isEqualTo(before);

        Files.writeString(directory.resolve("a/b/One.class"), "One");
        byte[] edited = Fingerprint.ofDirectory(directory);
        assertThat(edited).isNotEqualTo(before);

        Files.move(directory.resolve("Two.class"), directory.resolve("Three.class"));
        byte[] renamed = Fingerprint.ofDirectory(directory);
        assertThat(renamed).isNotEqualTo(edited);

        Files.writeString(directory.resolve("a/Four.class"), "");
        assertThat(Fingerprint.ofDirectory(directory)).isNotEqualTo(renamed);
    }
}
