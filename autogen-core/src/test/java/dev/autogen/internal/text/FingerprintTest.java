package dev.autogen.internal.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

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
}
