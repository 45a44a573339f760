package dev.autogen.maven;

import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** Lists the revisions, newest first. */
@Mojo(name = "history", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = false)
public class HistoryMojo extends AutogenMojo {

    @Override
    List<String> command() {
        return List.of("history", "-i");
    }
}
