package dev.autogen.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.ToolProvider;

/** A user's entity classes, written and compiled the way their build would: one directory per edit. */
final class EntityVersions {

    private EntityVersions() {}

    /** Compiles {@code sources} (file name to text, below package com.example.shop) into {@code classes}. */
    static Path compile(Path classes, Map<String, String> sources) {
        try {
            Path src = Files.createTempDirectory("entities-src");
            List<String> arguments = new ArrayList<>(
                    List.of("-d", classes.toString(), "-classpath", System.getProperty("java.class.path")));
            for (Map.Entry<String, String> source : sources.entrySet()) {
                Path file = src.resolve("com/example/shop").resolve(source.getKey());
                Files.createDirectories(file.getParent());
                Files.writeString(file, source.getValue());
                arguments.add(file.toString());
            }
            Files.createDirectories(classes);
            if (ToolProvider.getSystemJavaCompiler().run(null, null, null, arguments.toArray(String[]::new)) != 0) {
                throw new AssertionError("entity sources do not compile");
            }
            return classes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static final String CUSTOMER_V1 = """
            package com.example.shop;

            import jakarta.persistence.*;

            @Entity
            public class Customer {
                @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;
                @Column(nullable = false, length = 100) String name;
            }
            """;

    static final String CUSTOMER_V2 = """
            package com.example.shop;

            import jakarta.persistence.*;

            @Entity
            public class Customer {
                @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;
                @Column(nullable = false, length = 100) String name;
                @Column(length = 160, unique = true) String email;
            }
            """;

    static final String ORDER_V2 = """
            package com.example.shop;

            import jakarta.persistence.*;
            import java.math.BigDecimal;

            @Entity
            @Table(name = "purchase")
            public class Purchase {
                @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;
                @ManyToOne(optional = false) Customer customer;
                @Column(precision = 10, scale = 2) BigDecimal total;
            }
            """;
}
