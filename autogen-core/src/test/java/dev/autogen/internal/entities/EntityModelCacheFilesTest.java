package dev.autogen.internal.entities;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.internal.schema.Column;
import dev.autogen.internal.schema.QualifiedName;
import dev.autogen.internal.schema.Schema;
import dev.autogen.internal.schema.Table;
import dev.autogen.internal.text.Fingerprint;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The entity-model cache's files: the newest entries kept, and the last one used named for the next command. */
class EntityModelCacheFilesTest {

    @TempDir
    Path cache;

    @Test
    void keepsTheNewestEightEntriesAndNamesTheLastWritten() throws IOException {
        for (int i = 0; i < 12; i++) {
            EntityModelCache.write(cache, key(i), entry("t" + i));
        }
        try (Stream<Path> files = Files.list(cache)) {
            assertThat(files.map(file -> file.getFileName().toString()).filter(name -> name.length() == 32))
                    .hasSize(8)
                    .contains(key(11));
        }
        EntityModelCache.Keyed latest = EntityModelCache.readLatest(cache).orElseThrow();
        assertThat(latest.key()).isEqualTo(key(11));
        assertThat(latest.entry()).isEqualTo(entry("t11"));
    }

    @Test
    void aLatestNamingNoEntryIsNothing() throws IOException {
        assertThat(EntityModelCache.readLatest(cache)).isEmpty();
        EntityModelCache.markLatest(cache, key(1));
        assertThat(EntityModelCache.readLatest(cache)).isEmpty();
        Files.writeString(cache.resolve("latest"), "../../etc/passwd", StandardCharsets.US_ASCII);
        assertThat(EntityModelCache.readLatest(cache)).isEmpty();
    }

    private static String key(int i) {
        return Fingerprint.hex(("key " + i).getBytes(StandardCharsets.UTF_8));
    }

    private static EntityModelCache.Entry entry(String table) {
        Schema schema = Schema.empty()
                .plusTable(Table.of(new QualifiedName("public", table), List.of(Column.of("id", "bigint", false))));
        return new EntityModelCache.Entry(schema, List.of(), List.of());
    }
}
