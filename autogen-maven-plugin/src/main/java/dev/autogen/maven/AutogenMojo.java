package dev.autogen.maven;

import dev.autogen.cli.Main;
import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Plugin;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * What every goal shares: the command line's configuration (autogen.properties beside the pom, if any,
 * under the settings given in the pom, with the same keys), the entities taken from the project's own
 * classes and runtime classpath, and the command's output in the build log.
 */
abstract class AutogenMojo extends AbstractMojo {

    private static final String PLUGIN_KEY = "dev.autogen:autogen-maven-plugin";

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    MavenSession session;

    /** Configuration keys, as in autogen.properties ({@code url}, {@code naming}, {@code migrations.dir}, ...). */
    @Parameter
    Map<String, String> settings = new LinkedHashMap<>();

    /** The configuration file, when not {@code autogen.properties} beside the pom. */
    @Parameter(property = "autogen.config", defaultValue = "${project.basedir}/autogen.properties")
    File config;

    @Parameter(property = "autogen.skip", defaultValue = "false")
    boolean skip;

    /** The command and its arguments, as on the command line. */
    abstract List<String> command();

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        boolean reactor = session.getProjects().size() > 1;
        if (skip || "pom".equals(project.getPackaging()) || (reactor && !declaredHere())) {
            getLog().info("autogen: nothing to do in " + project.getArtifactId());
            return;
        }
        List<String> args = new ArrayList<>(command());
        args.addAll(List.of("-c", config.getAbsolutePath()));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code;
        try (PrintWriter o = new PrintWriter(out);
                PrintWriter e = new PrintWriter(err)) {
            code = Main.run(args.toArray(String[]::new), System.getenv(), settings, projectDefaults(), o, e);
        }
        out.toString().lines().forEach(getLog()::info);
        err.toString().lines().filter(l -> !l.startsWith("error: ")).forEach(getLog()::warn);
        String error = err.toString()
                .lines()
                .filter(l -> l.startsWith("error: "))
                .findFirst()
                .orElse(null);
        if (code == 3) {
            throw new MojoFailureException("autogen " + command().get(0) + " found differences (listed above)");
        }
        if (code != 0) {
            throw new MojoExecutionException(
                    "autogen " + command().get(0) + " failed" + (error == null ? "" : ": " + error.substring(7)));
        }
    }

    /** The project's classes and runtime classpath: the entities, unless autogen.properties or the pom names others. */
    private Map<String, String> projectDefaults() throws MojoExecutionException {
        try {
            return Map.of("entities.classpath", String.join(":", project.getRuntimeClasspathElements()));
        } catch (DependencyResolutionRequiredException e) {
            throw new MojoExecutionException("the project's runtime classpath is not resolved", e);
        }
    }

    /**
     * Whether this module declares the plugin: a goal run from a multi-module build's root acts only in
     * the modules that use it, not in the parent or in the module that holds the entities. A project on
     * its own runs the goal whether it declares the plugin or not.
     */
    private boolean declaredHere() {
        for (Plugin plugin : project.getOriginalModel().getBuild() == null
                ? List.<Plugin>of()
                : project.getOriginalModel().getBuild().getPlugins()) {
            if (PLUGIN_KEY.equals(plugin.getGroupId() + ":" + plugin.getArtifactId())) {
                return true;
            }
        }
        return false;
    }
}
