package dev.autogen.maven;

import dev.autogen.Autogen;
import dev.autogen.api.Change;
import dev.autogen.api.Configuration;
import dev.autogen.api.Reports;
import java.util.List;
import java.util.function.Consumer;
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
    boolean run(Autogen autogen, Configuration config, Consumer<String> log) {
        List<Change> differences = autogen.check();
        Reports.check(differences, autogen::current).forEach(log);
        return !differences.isEmpty();
    }

    @Override
    String goal() {
        return "check";
    }
}
