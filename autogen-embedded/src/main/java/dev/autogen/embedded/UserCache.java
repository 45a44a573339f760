package dev.autogen.embedded;

import java.nio.file.Path;

/**
 * autogen's directory in the user's cache ({@code $XDG_CACHE_HOME/autogen}, else {@code ~/.cache/autogen}),
 * shared by every project: where the launchers keep start-up archives and fetched server binaries.
 */
public final class UserCache {

    private UserCache() {}

    public static Path dir() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg == null || xdg.isBlank() ? Path.of(System.getProperty("user.home"), ".cache") : Path.of(xdg);
        return base.resolve("autogen");
    }
}
