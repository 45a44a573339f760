package dev.autogen.maven;

import dev.autogen.Autogen;
import dev.autogen.api.Configuration;
import dev.autogen.api.Reports;
import java.util.function.Consumer;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** Prints the revision(s) the database is at. */
@Mojo(name = "current", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = false)
public class CurrentMojo extends AutogenMojo {

    @Override
    boolean run(Autogen autogen, Configuration config, Consumer<String> log) {
        Reports.current(autogen.current(), true).forEach(log);
        return false;
    }

    @Override
    String goal() {
        return "current";
    }
}
