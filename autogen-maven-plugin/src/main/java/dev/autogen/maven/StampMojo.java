package dev.autogen.maven;

import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** Records a target in the version table without running migrations: {@code mvn autogen:stamp -Dautogen.target=head}. */
@Mojo(name = "stamp", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = false)
public class StampMojo extends AutogenMojo {

    @Parameter(property = "autogen.target", required = true)
    String target;

    @Override
    List<String> command() {
        return List.of("stamp", target);
    }
}
