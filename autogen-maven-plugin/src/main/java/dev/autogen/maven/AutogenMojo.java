package dev.autogen.maven;

import dev.autogen.Autogen;
import dev.autogen.api.AutogenException;
import dev.autogen.api.Configuration;
import dev.autogen.api.ConnectionSettings;
import dev.autogen.api.Reports;
import dev.autogen.api.TerminalText;
import dev.autogen.embedded.ProjectDatabases;
import java.io.File;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
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
 * What every goal shares: the configuration every front end reads (autogen.properties beside the pom, if
 * any, under the settings given in the pom, with the same keys), the entities taken from the project's own
 * classes and runtime classpath, and what the goal reports, in the command line's words, in the build log.
 */
abstract class AutogenMojo extends AbstractMojo {

    private static final String PLUGIN_KEY = "dev.autogen:autogen-maven-plugin";

    /**
     * Hibernate and the driver log their start-up through java.util.logging, which Maven prints at INFO;
     * held here because java.util.logging keeps its loggers only weakly.
     */
    private static final List<Logger> LIBRARY_LOGS =
            List.of(Logger.getLogger("org.hibernate"), Logger.getLogger("org.postgresql"));

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

    /**
     * What the goal does with the project's API; {@code log} says each line as it comes. Returns whether
     * the goal found differences that fail the build.
     */
    abstract boolean run(Autogen autogen, Configuration config, Consumer<String> log);

    /** The goal's name, as the failures say it. */
    abstract String goal();

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        boolean reactor = session.getProjects().size() > 1;
        if (skip || "pom".equals(project.getPackaging()) || (reactor && !declaredHere())) {
            getLog().info("autogen: nothing to do in " + project.getArtifactId());
            return;
        }
        refuseSecretsInThePom();
        Configuration configuration = configuration();
        // Masked in every line and error: the configured password, and an embedded server's once started.
        List<String> secrets = new ArrayList<>();
        secrets.add(configuration.password());
        List<String> said = new ArrayList<>();
        Consumer<String> log = line -> {
            String masked = ConnectionSettings.mask(line, secrets, configuration.user());
            said.add(masked);
            getLog().info(masked);
        };
        boolean differences;
        // Shown with mvn -X, as the command line shows them with --debug.
        LIBRARY_LOGS.forEach(logger -> logger.setLevel(getLog().isDebugEnabled() ? Level.INFO : Level.OFF));
        try (ProjectDatabases databases = new ProjectDatabases(configuration, getLog()::warn, secrets::add)) {
            Autogen autogen = Autogen.forProject(
                    configuration.settings(databases::connection, Reports.progress(log), databases.scratchForProject()),
                    configuration.project());
            differences = run(autogen, configuration, log);
        } catch (AutogenException e) {
            throw new MojoExecutionException("autogen " + goal() + " failed: "
                    + ConnectionSettings.mask(TerminalText.of(e.getMessage()), secrets, configuration.user()));
        } finally {
            LIBRARY_LOGS.forEach(logger -> logger.setLevel(null));
        }
        if (differences) {
            // The differences are the failure's message, so that a quiet build (mvn -q) shows them too.
            throw new MojoFailureException("autogen " + goal() + " found differences:" + System.lineSeparator()
                    + String.join(System.lineSeparator(), said));
        }
    }

    /** The file's keys under the pom's settings, with the environment's and the server's login over both. */
    private Configuration configuration() throws MojoExecutionException {
        try {
            return Configuration.load(
                    config.toPath(), environment(), Configuration.Overrides.NONE, settings, projectDefaults());
        } catch (AutogenException e) {
            throw new MojoExecutionException("autogen " + goal() + " failed: " + TerminalText.of(e.getMessage()));
        }
    }

    /**
     * The process's environment, with the login of the {@code <server>} named by {@code serverId} as
     * {@code AUTOGEN_USER} and {@code AUTOGEN_PASSWORD}, as for the command line; that password is masked
     * wherever it would be printed.
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
