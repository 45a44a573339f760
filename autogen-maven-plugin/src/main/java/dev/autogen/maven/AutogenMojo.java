package dev.autogen.maven;

import dev.autogen.cli.Main;
import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Plugin;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/**
 * What every goal shares: the command line's configuration (autogen.properties beside the pom, if any,
 * under the settings given in the pom, with the same keys), the entities taken from the project's own
 * classes and runtime classpath, and the command's output in the build log.
 */
abstract class AutogenMojo extends AbstractMojo {

    private static final String PLUGIN_KEY = "dev.autogen:autogen-maven-plugin";

    /** A password parameter of a JDBC URL, or one in its user-info ({@code //user:secret@host}). */
    private static final Pattern PASSWORD_IN_URL = Pattern.compile("(?i)[?&;]password=|//[^/@]*:[^/@]*@");

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    MavenSession session;

    /**
     * Configuration keys, as in autogen.properties ({@code url}, {@code naming}, {@code migrations.dir}, ...);
     * never a password: Maven prints this map under {@code -X}, and the pom is in version control.
     */
    @Parameter
    Map<String, String> settings = new LinkedHashMap<>();

    /**
     * The id of a {@code <server>} in Maven's settings.xml whose username and password (encrypted the Maven
     * way or not) log in to the database.
     */
    @Parameter(property = "autogen.serverId")
    String serverId;

    @Component
    SettingsDecrypter decrypter;

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
        refuseSecretsInThePom();
        List<String> args = new ArrayList<>(command());
        args.addAll(List.of("-c", config.getAbsolutePath()));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code;
        try (PrintWriter o = new PrintWriter(out);
                PrintWriter e = new PrintWriter(err)) {
            code = Main.run(args.toArray(String[]::new), environment(), settings, projectDefaults(), o, e);
        }
        err.toString().lines().filter(l -> !l.startsWith("error: ")).forEach(getLog()::warn);
        String error = err.toString()
                .lines()
                .filter(l -> l.startsWith("error: "))
                .findFirst()
                .orElse(null);
        if (code == 3) {
            // The differences are the failure's message, so that a quiet build (mvn -q) shows them too.
            throw new MojoFailureException("autogen " + command().get(0) + " found differences:"
                    + System.lineSeparator() + out.toString().stripTrailing());
        }
        out.toString().lines().forEach(getLog()::info);
        if (code != 0) {
            throw new MojoExecutionException(
                    "autogen " + command().get(0) + " failed" + (error == null ? "" : ": " + error.substring(7)));
        }
    }

    /**
     * The process's environment, with the login of the {@code <server>} named by {@code serverId} as
     * {@code AUTOGEN_USER} and {@code AUTOGEN_PASSWORD}: the command line masks that password wherever it
     * would print it.
     */
    private Map<String, String> environment() throws MojoExecutionException {
        Map<String, String> environment = new HashMap<>(System.getenv());
        if (serverId == null || serverId.isBlank()) {
            return environment;
        }
        Server server = session.getSettings().getServer(serverId);
        if (server == null) {
            throw new MojoExecutionException("autogen: no <server> with id " + serverId
                    + " in Maven's settings.xml (serverId names the one whose username and password log in)");
        }
        SettingsDecryptionResult decrypted = decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
        if (!decrypted.getProblems().isEmpty()) {
            throw new MojoExecutionException("autogen: the password of <server> " + serverId + " cannot be decrypted: "
                    + decrypted.getProblems().get(0).getMessage());
        }
        Server login = decrypted.getServer();
        if (login.getUsername() != null) {
            environment.put("AUTOGEN_USER", login.getUsername());
        }
        if (login.getPassword() != null) {
            environment.put("AUTOGEN_PASSWORD", login.getPassword());
        }
        return environment;
    }

    /** A password in the pom's settings would be in version control and in every {@code mvn -X} log. */
    private void refuseSecretsInThePom() throws MojoExecutionException {
        String url = settings.getOrDefault("url", "");
        if (settings.containsKey("password") || PASSWORD_IN_URL.matcher(url).find()) {
            throw new MojoExecutionException(
                    "autogen: a password in the pom's <settings> is kept in version control and"
                            + " printed by mvn -X; put it in a <server> of Maven's settings.xml and name it with <serverId>,"
                            + " or in AUTOGEN_PASSWORD");
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
