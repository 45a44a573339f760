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
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?([\\w.]+)\\.[\\w*]+;", Pattern.MULTILINE);

    /** What each package may import of autogen's own; the root package holds the error type. */
    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("schema", Set.of()),
            Map.entry("canonical", Set.of()),
            Map.entry("db", Set.of("dev.autogen")),
            Map.entry("entities", Set.of("dev.autogen", "dev.autogen.schema", "dev.autogen.canonical")),
            Map.entry("introspect", Set.of("dev.autogen", "dev.autogen.schema", "dev.autogen.canonical", "dev.autogen.db")),
            Map.entry("operations", Set.of("dev.autogen.schema", "dev.autogen.canonical")),
            Map.entry("diff", Set.of("dev.autogen.schema", "dev.autogen.operations", "dev.autogen.canonical")),
            Map.entry("migration", Set.of("dev.autogen.schema", "dev.autogen.operations")),
            Map.entry("codegen", Set.of("dev.autogen.schema", "dev.autogen.operations", "dev.autogen.migration")),
            Map.entry("revision", Set.of("dev.autogen", "dev.autogen.migration")),
            Map.entry("discovery", Set.of("dev.autogen", "dev.autogen.migration", "dev.autogen.revision")),
            Map.entry("runner", Set.of("dev.autogen", "dev.autogen.canonical", "dev.autogen.dialect", "dev.autogen.migration",
                    "dev.autogen.operations", "dev.autogen.revision")),
            Map.entry("dialect", Set.of("dev.autogen.schema", "dev.autogen.operations", "dev.autogen.canonical")));

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

    /** The package part of an import: the names before the first that starts with a capital, a class's. */
    private static String packageOf(String imported) {
        StringBuilder name = new StringBuilder();
        for (String part : imported.split("\\.")) {
            if (Character.isUpperCase(part.charAt(0))) {
                break;
            }
            name.append(name.length() == 0 ? "" : ".").append(part);
        }
        return name.toString();
    }

    private static Set<String> ownImports(String name) throws IOException {
        Set<String> own = new TreeSet<>();
        for (String imported : imports(name)) {
            if (imported.startsWith("dev.autogen") && !imported.equals("dev.autogen." + name)) {
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
                    found.add(packageOf(m.group(1)));
                }
            }
        }
        return found;
    }
}
