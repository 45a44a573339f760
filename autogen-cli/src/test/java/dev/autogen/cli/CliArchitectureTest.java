package dev.autogen.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line goes through the facade: it parses, configures, calls one verb and prints. The embedded
 * server and the bench harness are held to their own lines.
 */
class CliArchitectureTest {

    /**
     * What the bench harness may use of autogen's internals: the stages it times that have no public face
     * (reading the entities, the dialect, a run of recorded operations through the runner).
     */
    private static final String[] BENCH_MAY_USE = {
        "dev.autogen.bench",
        "dev.autogen",
        "dev.autogen.api",
        "dev.autogen.migration",
        "dev.autogen.internal.entities",
        "dev.autogen.internal.dialect.postgres",
        "dev.autogen.internal.operations",
        "dev.autogen.internal.schema",
        "dev.autogen.internal.revision",
        "dev.autogen.internal.runner",
        "java..",
        "javax..",
        "org.hibernate..",
        "io.zonky.."
    };

    @Test
    void theCommandLineReachesNothingPastTheFacade() {
        JavaClasses cli = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.autogen.cli");
        noClasses()
                .that()
                .resideInAPackage("dev.autogen.cli")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.autogen.internal..", "dev.autogen.migration..")
                .check(cli);
    }

    @Test
    void theEmbeddedServerUsesThePublicApiAlone() {
        JavaClasses embedded = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.autogen.embedded");
        assertThat(embedded).as("the embedded module's classes").isNotEmpty();
        classes()
                .that()
                .resideInAPackage("dev.autogen.embedded")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("dev.autogen.embedded", "dev.autogen.api", "java..", "javax..", "io.zonky..")
                .check(embedded);
    }

    /** The harness is compiled by bench/run, not by the build: compiled here, it cannot rot unseen either. */
    @Test
    void theBenchHarnessCompilesAndUsesOnlyWhatItTimes(@TempDir Path classes) throws IOException {
        List<String> sources;
        try (Stream<Path> files = Files.walk(Path.of("../bench/src"))) {
            sources = files.filter(f -> f.toString().endsWith(".java"))
                    .map(Path::toString)
                    .toList();
        }
        assertThat(sources).as("the bench harness's sources").isNotEmpty();
        List<String> arguments = new ArrayList<>(List.of(
                "-nowarn", "-proc:none", "-d", classes.toString(), "-cp", System.getProperty("java.class.path")));
        arguments.addAll(sources);
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int code = ToolProvider.getSystemJavaCompiler().run(null, null, errors, arguments.toArray(String[]::new));
        assertThat(code).as("javac on bench/src " + errors).isZero();
        JavaClasses bench = new ClassFileImporter().importPath(classes);
        classes()
                .that()
                .resideInAPackage("dev.autogen.bench")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(BENCH_MAY_USE)
                .check(bench);
    }
}
