package dev.autogen.maven;

import dev.autogen.Autogen;
import dev.autogen.api.Configuration;
import dev.autogen.api.Reports;
import java.util.function.Consumer;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** Lists the revisions, newest first. */
@Mojo(name = "history", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = false)
public class HistoryMojo extends AutogenMojo {

    @Override
    boolean run(Autogen autogen, Configuration config, Consumer<String> log) {
        Reports.history(autogen.history(null, true), false).forEach(log);
        return false;
    }

    @Override
    String goal() {
        return "history";
    }
}
