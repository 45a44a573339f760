package dev.autogen.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.ToolProvider;

/**
 * Writes and compiles a synthetic JPA model of N entities: about ten columns each of mixed types,
 * nullable and not; a foreign key to an earlier entity; an index every 5th, a unique constraint every 7th,
 * an enum every 4th, an element collection every 10th and a many-to-many join table every 20th entity;
 * identity ids, and sequence ids every 3rd.
 */
final class ModelGenerator {

    static final String PACKAGE = "bench.model";

    private ModelGenerator() {}

    static Path generate(int entities, Path directory, String classpath) throws IOException {
        Path sources = directory.resolve("src").resolve(PACKAGE.replace('.', '/'));
        Path classes = directory.resolve("classes");
        Files.createDirectories(sources);
        Files.createDirectories(classes);
        List<String> arguments = new ArrayList<>(List.of("-d", classes.toString(), "-classpath", classpath, "-nowarn", "-proc:none"));
        Path status = sources.resolve("Status.java");
        Files.writeString(status, "package " + PACKAGE + ";\n\npublic enum Status { NEW, ACTIVE, SUSPENDED, CLOSED }\n");
        arguments.add(status.toString());
        for (int i = 0; i < entities; i++) {
            Path file = sources.resolve("E" + i + ".java");
            Files.writeString(file, entity(i));
            arguments.add(file.toString());
        }
        Path argumentFile = directory.resolve("javac.args");
        Files.write(argumentFile, arguments);
        if (ToolProvider.getSystemJavaCompiler().run(null, null, System.err, "@" + argumentFile) != 0) {
            throw new IllegalStateException("the generated model does not compile");
        }
        return classes;
    }

    private static String entity(int i) {
        StringBuilder table = new StringBuilder("@Table(name = \"e" + i + "\"");
        if (i % 5 == 0) {
            table.append(", indexes = @Index(name = \"ix_e").append(i).append("_code\", columnList = \"code\")");
        }
        if (i % 7 == 0) {
            table.append(", uniqueConstraints = @UniqueConstraint(name = \"uk_e").append(i)
                    .append("_name_code\", columnNames = {\"name\", \"code\"})");
        }
        table.append(')');
        String id = i % 3 == 0
                ? "@Id @GeneratedValue(strategy = GenerationType.SEQUENCE) Long id;"
                : "@Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;";
        StringBuilder body = new StringBuilder()
                .append("    ").append(id).append('\n')
                .append("    @Column(nullable = false, length = 80) String name;\n")
                .append("    @Column(length = 20) String code;\n")
                .append("    Integer quantity;\n")
                .append("    @Column(nullable = false) int rank;\n")
                .append("    @Column(precision = 12, scale = 2) BigDecimal amount;\n")
                .append("    LocalDate day;\n")
                .append("    @Column(nullable = false) Instant createdAt;\n")
                .append("    boolean active;\n")
                .append("    UUID reference;\n");
        if (i % 4 == 0) {
            body.append("    @Enumerated(EnumType.STRING) @Column(length = 10) Status status;\n");
        }
        if (i > 0) {
            body.append("    @ManyToOne E").append((i * 7 + 3) % i).append(" parent;\n");
        }
        if (i % 10 == 0) {
            body.append("    @ElementCollection Set<String> tags;\n");
        }
        if (i % 20 == 0 && i > 0) {
            body.append("    @ManyToMany Set<E").append(i - 1).append("> links;\n");
        }
        return "package " + PACKAGE + ";\n\n"
                + "import jakarta.persistence.*;\nimport java.math.BigDecimal;\nimport java.time.Instant;\n"
                + "import java.time.LocalDate;\nimport java.util.Set;\nimport java.util.UUID;\n\n"
                + "@Entity\n" + table + "\npublic class E" + i + " {\n" + body + "}\n";
    }
}
