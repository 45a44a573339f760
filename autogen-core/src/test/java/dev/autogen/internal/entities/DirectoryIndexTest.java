package dev.autogen.internal.entities;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.internal.text.Fingerprint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The classpath directory's fingerprint that reads only changed files: always the fingerprint of every
 * file's content, whatever the index holds; a file is trusted by its stat only once it has settled.
 */
class DirectoryIndexTest {

    @TempDir
    Path work;

    @Test
    void isTheFingerprintOfEveryFilesContentAndReadsAFileJustWrittenEachTime() throws IOException {
        Path classes = classes();
        Path cache = work.resolve("cache");
        DirectoryIndex.Taken first = DirectoryIndex.take(classes, cache);
        assertThat(first.fingerprint()).isEqualTo(Fingerprint.ofDirectory(classes));
        assertThat(first.filesRead()).isEqualTo(3);
        // Written within the last two seconds: a write in the same tick of a coarse clock would not show.
        assertThat(DirectoryIndex.take(classes, cache).filesRead()).isEqualTo(3);

        Files.writeString(classes.resolve("a/b/One.class"), "ONE");
        assertThat(DirectoryIndex.fingerprint(classes, cache))
                .isEqualTo(Fingerprint.ofDirectory(classes))
                .isNotEqualTo(first.fingerprint());
    }

    @Test
    void aSettledFileIsReadAgainOnlyWhenWrittenEvenWithItsTimeRestored() throws Exception {
        Path classes = classes();
        Path cache = work.resolve("cache");
        Thread.sleep(2_100);
        byte[] before = DirectoryIndex.take(classes, cache).fingerprint();
        DirectoryIndex.Taken again = DirectoryIndex.take(classes, cache);
        assertThat(again.filesRead()).isZero();
        assertThat(again.fingerprint()).isEqualTo(before);

        // In place, the same size, the modification time put back (as cp -p or an unzipped jar would):
        // only the change time tells.
        Path one = classes.resolve("a/b/One.class");
        FileTime modified = Files.getLastModifiedTime(one);
        Files.writeString(one, "One");
        Files.setLastModifiedTime(one, modified);
        DirectoryIndex.Taken rewritten = DirectoryIndex.take(classes, cache);
        assertThat(rewritten.filesRead()).isEqualTo(1);
        assertThat(rewritten.fingerprint()).isNotEqualTo(before).isEqualTo(Fingerprint.ofDirectory(classes));

        Files.delete(classes.resolve("Two.class"));
        assertThat(DirectoryIndex.fingerprint(classes, cache)).isEqualTo(Fingerprint.ofDirectory(classes));
    }

    @Test
    void aCorruptIndexIsPassedOver() throws Exception {
        Path classes = classes();
        Path cache = work.resolve("cache");
        Thread.sleep(2_100);
        byte[] fingerprint = DirectoryIndex.fingerprint(classes, cache);
        Path index;
        try (Stream<Path> files = Files.list(cache)) {
            index = files.findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(index);
        bytes[bytes.length - 3] ^= 0x5a;
        Files.write(index, bytes);
        DirectoryIndex.Taken taken = DirectoryIndex.take(classes, cache);
        assertThat(taken.filesRead()).isEqualTo(3);
        assertThat(taken.fingerprint()).isEqualTo(fingerprint);
    }

    @Test
    void followsALinkToAFile() throws Exception {
        Path classes = classes();
        Path target = Files.writeString(work.resolve("Elsewhere.class"), "first");
        Files.createSymbolicLink(classes.resolve("Linked.class"), target);
        Path cache = work.resolve("cache");
        byte[] before = DirectoryIndex.fingerprint(classes, cache);
        Files.writeString(target, "other");
        assertThat(DirectoryIndex.fingerprint(classes, cache)).isNotEqualTo(before);
    }

    private Path classes() throws IOException {
        Path classes = work.resolve("classes");
        Files.createDirectories(classes.resolve("a/b"));
        Files.writeString(classes.resolve("a/b/One.class"), "one");
        Files.writeString(classes.resolve("a/Three.class"), "three");
        Files.writeString(classes.resolve("Two.class"), "two");
        return classes;
    }
}
