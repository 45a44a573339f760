package dev.autogen.maven;

import dev.autogen.Autogen;
import dev.autogen.api.Configuration;
import dev.autogen.api.Reports;
import java.util.function.Consumer;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** Records a target in the version table without running migrations: {@code mvn autogen:stamp -Dautogen.target=head}. */
@Mojo(name = "stamp", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = false)
public class StampMojo extends AutogenMojo {

    @Parameter(property = "autogen.target", required = true)
    String target;

    @Override
    boolean run(Autogen autogen, Configuration config, Consumer<String> log) {
        log.accept("Stamped: " + Reports.revisions(autogen.stamp(target).after()));
        return false;
    }

    @Override
    String goal() {
        return "stamp";
    }
}
