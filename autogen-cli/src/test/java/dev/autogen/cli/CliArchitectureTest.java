package dev.autogen.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The command line goes through the facade: it parses, configures, calls one verb and prints. */
class CliArchitectureTest {

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
}
