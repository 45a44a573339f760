package dev.autogen.maven;

import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** Undoes migrations down to a target: {@code mvn autogen:downgrade -Dautogen.target=-1}. */
@Mojo(name = "downgrade", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = false)
public class DowngradeMojo extends AutogenMojo {

    /** base, a revision id or prefix, -N, ... */
    @Parameter(property = "autogen.target", required = true)
    String target;

    @Override
    List<String> command() {
        return List.of("downgrade", target);
    }
}
