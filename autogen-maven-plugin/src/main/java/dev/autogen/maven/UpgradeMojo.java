package dev.autogen.maven;

import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** Applies the migrations up to a target, the head by default: {@code mvn autogen:upgrade}. */
@Mojo(name = "upgrade", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = false)
public class UpgradeMojo extends AutogenMojo {

    /** head, heads, a revision id or prefix, +N, ... */
    @Parameter(property = "autogen.target", defaultValue = "head")
    String target;

    @Override
    List<String> command() {
        return List.of("upgrade", target);
    }
}
