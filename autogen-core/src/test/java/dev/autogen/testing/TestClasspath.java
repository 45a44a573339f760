package dev.autogen.testing;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** Where the compiled classes of the tests and of the sample live, to hand to the entity reader. */
public final class TestClasspath {

    private TestClasspath() {}

    /** The directory (or jar) holding the test fixtures' entities. */
    public static String testClasses() {
        return locationOf(TestClasspath.class);
    }

    public static String locationOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .toURI())
                    .toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
