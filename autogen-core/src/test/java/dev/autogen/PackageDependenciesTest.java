package dev.autogen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Dependencies between autogen's packages run one way, and Hibernate stays inside the entity reader. */
class PackageDependenciesTest {

    private static final Path SOURCES = Path.of("src/main/java/dev/autogen");
    private static final Pattern IMPORT = Pattern.compile("^import (static )?([\\w.]+)\\.[\\w*]+;", Pattern.MULTILINE);

    /** What each package may import of autogen's own; the root package holds the error type. */
    private static final Map<String, Set<String>> ALLOWED = Map.of(
            "schema", Set.of(),
            "canonical", Set.of(),
            "db", Set.of("dev.autogen"),
            "entities", Set.of("dev.autogen", "dev.autogen.schema", "dev.autogen.canonical"),
            "introspect", Set.of("dev.autogen", "dev.autogen.schema", "dev.autogen.canonical", "dev.autogen.db"),
            "operations", Set.of("dev.autogen.schema", "dev.autogen.canonical"),
            "diff", Set.of("dev.autogen.schema", "dev.autogen.operations", "dev.autogen.canonical"),
            "migration", Set.of("dev.autogen.schema", "dev.autogen.operations"),
            "codegen", Set.of("dev.autogen.schema", "dev.autogen.operations", "dev.autogen.migration"),
            "dialect", Set.of("dev.autogen.schema", "dev.autogen.operations", "dev.autogen.canonical"));

    @Test
    void eachPackageImportsOnlyWhatItMay() throws IOException {
        for (Map.Entry<String, Set<String>> entry : ALLOWED.entrySet()) {
            Set<String> imported = ownImports(entry.getKey());
            assertThat(imported).as("packages imported by dev.autogen.%s", entry.getKey()).isSubsetOf(entry.getValue());
        }
    }

    @Test
    void onlyTheEntityReaderImportsHibernateAndOnlyCodegenJavaPoet() throws IOException {
        List<String> packages;
        try (Stream<Path> dirs = Files.list(SOURCES)) {
            packages = dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertThat(packages).containsAll(ALLOWED.keySet());
        for (String name : packages) {
            boolean hibernate = imports(name).stream().anyMatch(i -> i.startsWith("org.hibernate"));
            assertThat(hibernate).as("dev.autogen.%s imports Hibernate", name).isEqualTo(name.equals("entities"));
            boolean javapoet = imports(name).stream().anyMatch(i -> i.startsWith("com.palantir.javapoet"));
            assertThat(javapoet).as("dev.autogen.%s imports JavaPoet", name).isEqualTo(name.equals("codegen"));
        }
    }

    private static Set<String> ownImports(String name) throws IOException {
        Set<String> own = new TreeSet<>();
        for (String imported : imports(name)) {
            boolean ownNestedClass = imported.startsWith("dev.autogen." + name + ".");
            if (imported.startsWith("dev.autogen") && !imported.equals("dev.autogen." + name) && !ownNestedClass) {
                own.add(imported);
            }
        }
        return own;
    }

    private static Set<String> imports(String name) throws IOException {
        Set<String> found = new TreeSet<>();
        try (Stream<Path> files = Files.walk(SOURCES.resolve(name))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = IMPORT.matcher(Files.readString(file));
                while (m.find()) {
                    // A static import names a class before the member: its package is one step further up.
                    String imported = m.group(2);
                    found.add(m.group(1) == null ? imported : imported.substring(0, imported.lastIndexOf('.')));
                }
            }
        }
        return found;
    }
}
