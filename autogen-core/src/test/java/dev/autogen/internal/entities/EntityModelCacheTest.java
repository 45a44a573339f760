package dev.autogen.internal.entities;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.api.EntitySource;
import dev.autogen.api.Naming;
import dev.autogen.internal.dialect.postgres.PostgresDialect;
import dev.autogen.internal.schema.QualifiedName;
import dev.autogen.internal.schema.Schema;
import dev.autogen.testing.EntityChange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The entity-model cache: reused when nothing that decides the mapping changed, and only then. A changed
 * class file, a replaced jar and a changed setting each miss; a corrupt entry is passed over.
 */
@Tag("database")
class EntityModelCacheTest {

    private static final String V1 = "@Entity public class Item { @Id Long id; String name; }";
    private static final String V2 = "@Entity public class Item { @Id Long id; String name; Integer qty; }";

    @TempDir
    Path work;

    private final PostgresDialect dialect = PostgresDialect.INSTANCE;

    @Test
    void anUnchangedClasspathIsReadFromTheCacheAndItsDdlStillComesFromHibernate() {
        EntitySource source =
                EntityChange.source(EntityChange.compile(work.resolve("classes"), Map.of("Item.java", V1)));
        Path cache = work.resolve("cache");
        Schema booted = read(source, cache, false);
        try (EntityModel again = EntityReader.read(source, dialect, cache)) {
            assertThat(again.cached()).isTrue();
            assertThat(again.schema()).isEqualTo(booted);
            assertThat(again.creationStatements(Set.of(new QualifiedName("public", "item")), Map.of()))
                    .anyMatch(s -> s.startsWith("create table item"));
        }
    }

    @Test
    void aChangedClassFileMisses() {
        Path classes = work.resolve("classes");
        Path cache = work.resolve("cache");
        EntitySource source = EntityChange.source(EntityChange.compile(classes, Map.of("Item.java", V1)));
        read(source, cache, false);
        EntityChange.compile(classes, Map.of("Item.java", V2));
        Schema changed = read(source, cache, false);
        assertThat(changed.table(new QualifiedName("public", "item"))
                        .orElseThrow()
                        .column("qty"))
                .isPresent();
        read(source, cache, true);
    }

    @Test
    void aReplacedJarMisses() throws IOException {
        Path jar = work.resolve("entities.jar");
        Path cache = work.resolve("cache");
        jar(EntityChange.compile(work.resolve("v1"), Map.of("Item.java", V1)), jar);
        EntitySource source = EntityChange.source(jar);
        read(source, cache, false);
        read(source, cache, true);
        jar(EntityChange.compile(work.resolve("v2"), Map.of("Item.java", V2)), jar);
        Schema replaced = read(source, cache, false);
        assertThat(replaced.table(new QualifiedName("public", "item"))
                        .orElseThrow()
                        .column("qty"))
                .isPresent();
    }

    @Test
    void aChangedSettingMisses() {
        EntitySource source =
                EntityChange.source(EntityChange.compile(work.resolve("classes"), Map.of("Item.java", V1)));
        Path cache = work.resolve("cache");
        read(source, cache, false);
        read(source.withNaming(Naming.HIBERNATE), cache, false);
        EntitySource withSetting = new EntitySource(
                source.classpath(),
                source.packages(),
                source.naming(),
                source.defaultSchema(),
                Map.of("hibernate.type.preferred_instant_jdbc_type", "TIMESTAMP"));
        read(withSetting, cache, false);
        read(withSetting, cache, true);
    }

    @Test
    void aCorruptEntryIsPassedOverAndReplaced() throws IOException {
        EntitySource source =
                EntityChange.source(EntityChange.compile(work.resolve("classes"), Map.of("Item.java", V1)));
        Path cache = work.resolve("cache");
        Schema booted = read(source, cache, false);
        Path entry;
        try (Stream<Path> files = Files.list(cache)) {
            entry = files.filter(file -> file.getFileName().toString().length() == 32)
                    .findFirst()
                    .orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(entry);
        bytes[bytes.length - 5] ^= 0x5a;
        Files.write(entry, bytes);
        assertThat(read(source, cache, false)).isEqualTo(booted);
        Files.write(entry, new byte[] {1, 2, 3});
        assertThat(read(source, cache, false)).isEqualTo(booted);
        assertThat(read(source, cache, true)).isEqualTo(booted);
    }

    @Test
    void commandsSideBySideShareTheCache() throws Exception {
        EntitySource source =
                EntityChange.source(EntityChange.compile(work.resolve("classes"), Map.of("Item.java", V1)));
        Path cache = work.resolve("cache");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Schema>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit(() -> {
                    try (EntityModel model = EntityReader.read(source, dialect, cache)) {
                        return model.schema();
                    }
                }));
            }
            Schema first = results.get(0).get();
            for (Future<Schema> result : results) {
                assertThat(result.get()).isEqualTo(first);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(read(source, cache, true)).isNotNull();
    }

    private Schema read(EntitySource source, Path cache, boolean fromCache) {
        try (EntityModel model = EntityReader.read(source, dialect, cache)) {
            assertThat(model.cached()).as("from the cache").isEqualTo(fromCache);
            return model.schema();
        }
    }

    private static void jar(Path classes, Path jar) throws IOException {
        Path staging = Files.createTempFile(jar.getParent(), "jar", ".tmp");
        try (OutputStream file = Files.newOutputStream(staging);
                JarOutputStream out = new JarOutputStream(file);
                Stream<Path> walk = Files.walk(classes)) {
            for (Path path : walk.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(path).toString()));
                out.write(Files.readAllBytes(path));
                out.closeEntry();
            }
        }
        Files.move(staging, jar, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
