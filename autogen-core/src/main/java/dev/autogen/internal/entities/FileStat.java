package dev.autogen.internal.entities;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What the file system says of a file without reading it: its size, its modification and change times
 * (nanoseconds) and its identity (device and inode). A write changes the change time even when whoever
 * wrote restored the modification time ({@code cp -p}, {@code touch -r}), and a file replaced by a rename
 * has another inode. Where the file system has no unix view (Windows) there is no change time nor inode:
 * {@link #complete()} is false, and such a stat is never trusted in place of the content.
 */
record FileStat(
        boolean regularFile, boolean directory, long size, long modified, long changed, long device, long inode) {

    private static final boolean UNIX =
            FileSystems.getDefault().supportedFileAttributeViews().contains("unix");

    private static final String ATTRIBUTES = "unix:isRegularFile,isDirectory,size,lastModifiedTime,ctime,dev,ino";

    /** Follows symbolic links: a link's own times do not change when what it points to does. */
    static FileStat of(Path path) throws IOException {
        if (UNIX) {
            Map<String, Object> a = Files.readAttributes(path, ATTRIBUTES);
            return new FileStat(
                    (Boolean) a.get("isRegularFile"),
                    (Boolean) a.get("isDirectory"),
                    (Long) a.get("size"),
                    nanos(a.get("lastModifiedTime")),
                    nanos(a.get("ctime")),
                    (Long) a.get("dev"),
                    (Long) a.get("ino"));
        }
        BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class);
        return new FileStat(a.isRegularFile(), a.isDirectory(), a.size(), nanos(a.lastModifiedTime()), -1, -1, -1);
    }

    // Written out: a record's own equals is linked through method handles on its first call, milliseconds
    // in a short-lived JVM, and the index compares a stat a file.
    @Override
    public boolean equals(Object other) {
        return other instanceof FileStat o
                && regularFile == o.regularFile
                && directory == o.directory
                && size == o.size
                && modified == o.modified
                && changed == o.changed
                && device == o.device
                && inode == o.inode;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(inode) * 31 + Long.hashCode(modified);
    }

    boolean complete() {
        return changed != -1 && inode != -1;
    }

    /**
     * Whether both times are before {@code nanos} (since the epoch): a file last written that long ago, and
     * unchanged since, still has the content read after that moment.
     */
    boolean writtenBefore(long nanos) {
        return modified < nanos && changed < nanos;
    }

    private static long nanos(Object time) {
        return ((FileTime) time).to(TimeUnit.NANOSECONDS);
    }
}
