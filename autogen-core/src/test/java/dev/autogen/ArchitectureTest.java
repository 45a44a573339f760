package dev.autogen;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What users compile against stays small and public; everything else is internal, and the internal
 * packages depend on each other one way only.
 */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.autogen");

    /** The packages users compile against: the facade, its value types, and the migration API. */
    private static final Set<String> PUBLIC = Set.of("dev.autogen", "dev.autogen.api", "dev.autogen.migration");

    /** What each internal package may use of autogen's own, besides the public value types. */
    private static final Map<String, Set<String>> INTERNAL_USES = Map.ofEntries(
            Map.entry("schema", Set.of()),
            Map.entry("sql", Set.of()),
            Map.entry("text", Set.of()),
            Map.entry("operations", Set.of("schema", "sql")),
            Map.entry("diff", Set.of("schema", "operations", "text")),
            Map.entry("revision", Set.of()),
            Map.entry("dialect", Set.of("schema", "operations", "diff", "revision", "text")),
            Map.entry("dialect.postgres", Set.of("schema", "operations", "diff", "revision", "dialect", "sql")),
            Map.entry("dialect.mariadb", Set.of("schema", "operations", "diff", "revision", "dialect")),
            Map.entry("entities", Set.of("schema", "dialect", "text")),
            Map.entry("codegen", Set.of("schema", "operations", "text")),
            Map.entry("discovery", Set.of("revision", "text")),
            Map.entry("history", Set.of("schema", "operations", "revision")),
            Map.entry("runner", Set.of("operations", "revision", "dialect", "text")),
            Map.entry("fleet", Set.of("dialect", "text", "workspace")),
            Map.entry(
                    "workspace",
                    Set.of(
                            "dialect",
                            "dialect.postgres",
                            "dialect.mariadb",
                            "diff",
                            "discovery",
                            "operations",
                            "revision",
                            "runner")),
            Map.entry(
                    "autogenerate",
                    Set.of(
                            "schema",
                            "operations",
                            "diff",
                            "dialect",
                            "entities",
                            "history",
                            "revision",
                            "codegen",
                            "text",
                            "workspace")));

    @Test
    void publicSignaturesExposeNoInternalType() {
        List<String> leaks = new ArrayList<>();
        for (JavaClass type : CLASSES) {
            if (!PUBLIC.contains(type.getPackageName()) || !type.getModifiers().contains(JavaModifier.PUBLIC)) {
                continue;
            }
            for (JavaCodeUnit member : type.getCodeUnits()) {
                if (member.getModifiers().contains(JavaModifier.PUBLIC)
                        || member.getModifiers().contains(JavaModifier.PROTECTED)) {
                    member.getAllInvolvedRawTypes().stream()
                            .filter(ArchitectureTest::internal)
                            .forEach(t -> leaks.add(member.getFullName() + " uses " + t.getName()));
                }
            }
            for (JavaField field : type.getFields()) {
                if (field.getModifiers().contains(JavaModifier.PUBLIC)) {
                    field.getAllInvolvedRawTypes().stream()
                            .filter(ArchitectureTest::internal)
                            .forEach(t -> leaks.add(field.getFullName() + " is of " + t.getName()));
                }
            }
            type.getAllRawInterfaces().stream()
                    .filter(ArchitectureTest::internal)
                    .forEach(t -> leaks.add(type.getName() + " implements " + t.getName()));
        }
        assertThat(leaks).as("public signatures that name internal types").isEmpty();
    }

    @Test
    void theApiAndTheMigrationApiUseNothingInternal() {
        noClasses()
                .that()
                .resideInAnyPackage("dev.autogen.api", "dev.autogen.migration")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.autogen.internal..")
                .check(CLASSES);
        noClasses()
                .that()
                .resideInAPackage("dev.autogen.migration")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.autogen.api")
                .because("a migration compiles against the migration API alone")
                .check(CLASSES);
    }

    @Test
    void internalPackagesDependOneWay() {
        for (Map.Entry<String, Set<String>> entry : INTERNAL_USES.entrySet()) {
            String own = "dev.autogen.internal." + entry.getKey();
            List<String> allowed = new ArrayList<>(List.of(
                    own,
                    "dev.autogen.api",
                    "dev.autogen.migration",
                    "java..",
                    "javax..",
                    "org.hibernate..",
                    "jakarta..",
                    "io.github.classgraph..",
                    "com.palantir.javapoet..",
                    "org.postgresql..",
                    "org.mariadb.jdbc..",
                    "org.slf4j..",
                    "org.objectweb.asm.."));
            entry.getValue().forEach(p -> allowed.add("dev.autogen.internal." + p));
            classes()
                    .that()
                    .resideInAPackage(own)
                    .should()
                    .onlyDependOnClassesThat()
                    .resideInAnyPackage(allowed.toArray(String[]::new))
                    .check(CLASSES);
        }
        Set<String> packages = new TreeSet<>();
        CLASSES.stream()
                .map(JavaClass::getPackageName)
                .filter(p -> p.startsWith("dev.autogen.internal."))
                .forEach(p -> packages.add(p.substring("dev.autogen.internal.".length())));
        assertThat(INTERNAL_USES.keySet())
                .as("every internal package has its allowed uses listed")
                .containsAll(packages);
    }

    @Test
    void hibernateStaysInTheEntityReaderJavaPoetInCodegenAndEachDriverInItsDialect() {
        noClasses()
                .that()
                .resideOutsideOfPackages("dev.autogen.internal.entities", "dev.autogen.sample..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.hibernate..")
                .check(CLASSES);
        noClasses()
                .that()
                .resideOutsideOfPackage("dev.autogen.internal.codegen")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("com.palantir.javapoet..")
                .check(CLASSES);
        noClasses()
                .that()
                .resideOutsideOfPackage("dev.autogen.internal.dialect.postgres")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.postgresql..")
                .check(CLASSES);
        noClasses()
                .that()
                .resideOutsideOfPackage("dev.autogen.internal.dialect.mariadb")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.mariadb.jdbc..")
                .check(CLASSES);
    }

    @Test
    void everyPublicTypeUsersSeeSaysWhatItIsFor() throws IOException {
        List<String> undocumented = new ArrayList<>();
        Pattern declaration = Pattern.compile(
                "(?m)^(public (?:final |sealed |abstract )*(?:class|interface|record|enum|@interface) \\w+)");
        for (String pkg : PUBLIC) {
            Path dir = Path.of("src/main/java", pkg.replace('.', '/'));
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java") && !f.endsWith("package-info.java"))
                        .toList()) {
                    String source = Files.readString(file);
                    Matcher m = declaration.matcher(source);
                    if (m.find()
                            && !source.substring(0, m.start())
                                    .replaceAll("(?m)^@.*\\n", "")
                                    .stripTrailing()
                                    .endsWith("*/")) {
                        undocumented.add(file.toString());
                    }
                }
            }
        }
        assertThat(undocumented).as("public types without Javadoc").isEmpty();
    }

    private static boolean internal(JavaClass type) {
        return type.getPackageName().startsWith("dev.autogen.internal");
    }
}
