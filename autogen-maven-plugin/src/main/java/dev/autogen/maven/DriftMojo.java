package dev.autogen.maven;

import dev.autogen.Autogen;
import dev.autogen.api.Change;
import dev.autogen.api.Configuration;
import dev.autogen.api.Reports;
import java.util.List;
import java.util.function.Consumer;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** Fails the build when the database was changed outside its migrations. */
@Mojo(name = "drift", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = false)
public class DriftMojo extends AutogenMojo {

    @Override
    boolean run(Autogen autogen, Configuration config, Consumer<String> log) {
        List<Change> drift = autogen.drift();
        Reports.drift(drift).forEach(log);
        return !drift.isEmpty();
    }

    @Override
    String goal() {
        return "drift";
    }
}
