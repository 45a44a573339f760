package dev.autogen.maven;

import dev.autogen.Autogen;
import dev.autogen.api.Configuration;
import dev.autogen.api.Reports;
import java.util.function.Consumer;
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
    boolean run(Autogen autogen, Configuration config, Consumer<String> log) {
        Reports.run(autogen.upgrade(target)).forEach(log);
        return false;
    }

    @Override
    String goal() {
        return "upgrade";
    }
}
