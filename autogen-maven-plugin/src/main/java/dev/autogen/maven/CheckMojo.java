package dev.autogen.maven;

import java.util.List;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** Fails the build when the database and the entities differ: the CI gate. Bound to {@code verify} when declared with an execution. */
@Mojo(
        name = "check",
        requiresDependencyResolution = ResolutionScope.RUNTIME,
        threadSafe = false,
        defaultPhase = LifecyclePhase.VERIFY)
public class CheckMojo extends AutogenMojo {

    @Override
    List<String> command() {
        return List.of("check");
    }
}
