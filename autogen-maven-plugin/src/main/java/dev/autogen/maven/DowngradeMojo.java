package dev.autogen.maven;

import dev.autogen.Autogen;
import dev.autogen.api.Configuration;
import dev.autogen.api.Reports;
import java.util.function.Consumer;
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
    boolean run(Autogen autogen, Configuration config, Consumer<String> log) {
        Reports.run(autogen.downgrade(target)).forEach(log);
        return false;
    }

    @Override
    String goal() {
        return "downgrade";
    }
}
