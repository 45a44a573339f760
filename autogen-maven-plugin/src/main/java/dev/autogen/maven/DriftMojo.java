package dev.autogen.maven;

import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** Fails the build when the database was changed outside its migrations. */
@Mojo(name = "drift", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = false)
public class DriftMojo extends AutogenMojo {

    @Override
    List<String> command() {
        return List.of("drift");
    }
}
