package dev.autogen.internal.text;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;

/**
 * What the caches compare content by: its length, its CRC-32C and its CRC-32 (two different polynomials,
 * so 64 check bits), 16 bytes. Two different contents of one length share a fingerprint with a chance of
 * about one in 2^64, which is what a cache of classes and models built from files on the user's own disk
 * needs: whoever could make a collision on purpose can write those files anyway. A SHA-256 does the same
 * job about 250 times as slowly in a short-lived JVM (its first megabyte runs interpreted, and the C1
 * compiler has no intrinsic for it), and the caches read several megabytes a command.
 */
public final class Fingerprint {

    public static final int LENGTH = 16;

    private Fingerprint() {}

    public static byte[] of(byte[] content) {
        CRC32C castagnoli = new CRC32C();
        castagnoli.update(content);
        CRC32 ieee = new CRC32();
        ieee.update(content);
        return ByteBuffer.allocate(LENGTH)
                .putLong(content.length)
                .putInt((int) castagnoli.getValue())
                .putInt((int) ieee.getValue())
                .array();
    }

    public static String hex(byte[] content) {
        return HexFormat.of().formatHex(of(content));
    }
}
