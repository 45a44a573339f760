package dev.autogen.maven;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The plugin is a front end like the command line, beside it and not on top of it: it reads the
 * configuration, calls the facade and logs the reports, with core's public face (and the embedded server)
 * alone.
 */
class PluginArchitectureTest {

    @Test
    void thePluginUsesCoresPublicFaceAlone() {
        JavaClasses plugin = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.autogen.maven");
        classes()
                .that()
                .resideInAPackage("dev.autogen.maven")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(
                        "dev.autogen",
                        "dev.autogen.api",
                        "dev.autogen.embedded",
                        "dev.autogen.maven",
                        "java..",
                        "org.apache.maven..")
                .check(plugin);
    }

    @Test
    void theCommandLineIsNotOnThePluginsClasspath() {
        assertThatThrownBy(() -> Class.forName("dev.autogen.cli.Main")).isInstanceOf(ClassNotFoundException.class);
    }
}
