package dev.autogen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.testing.TestDatabase;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What only a running application's Hibernate adds to the schema, through the jar as users run it. With a
 * Bean Validation provider among the application's jars, {@code @NotNull} is a NOT NULL, {@code @Size} a
 * length and {@code @Min}/{@code @Max} a check (the provider on the entity classpath only, not in
 * autogen's jar, as a build hands it over); with none, a creation timestamp is still NOT NULL.
 */
class RunningApplicationIT {

    private static final String VISIT = """
            package com.example.shop;

            import jakarta.persistence.*;
            import java.time.Instant;
            import org.hibernate.annotations.CreationTimestamp;

            @Entity
            public class Visit {
                @Id Long id;
                @CreationTimestamp Instant created;
                Instant departed;
            }
            """;

    private static final String MEMBER = """
            package com.example.shop;

            import jakarta.persistence.*;
            import jakarta.validation.constraints.*;

            @Entity
            public class Member {
                @Id Long id;
                @NotNull String name;
                @Size(max = 50) String nick;
                @Min(1) @Max(10) Integer stars;
            }
            """;

    @TempDir
    Path project;

    @Test
    void constraintsOfAProviderOnTheEntityClasspathAreInTheMigrationAndCheckIsCleanAfterIt() throws Exception {
        EntityVersions.compile(project.resolve("build/classes"), Map.of("Member.java", MEMBER));
        try (TestDatabase db = TestDatabase.create()) {
            Cli cli = Cli.on(project, db);
            WorkflowIT.assertSuccess(cli.run("init"));
            Properties.set(project, "entities.classpath", String.join(":", entityClasspath()));

            WorkflowIT.assertSuccess(cli.run("revision", "--autogenerate", "-m", "members"));
            String migration = Files.readString(onlyMigration());
            assertThat(migration)
                    .contains("column(\"name\", \"character varying(255)\").notNull()")
                    .contains("column(\"nick\", \"character varying(50)\")")
                    .containsPattern("check\\(\"member_stars_check\", \"\\(stars ?[<>]=")
                    .doesNotContain("column(\"nick\", \"character varying(50)\").notNull()");

            WorkflowIT.assertSuccess(cli.run("upgrade", "head"));
            Cli.Result check = cli.run("check");
            assertThat(check.exitCode()).as(check.toString()).isZero();
        }
    }

    @Test
    void aCreationTimestampIsNotNullWithNoValidationProviderAnywhere() throws Exception {
        EntityVersions.compile(project.resolve("build/classes"), Map.of("Visit.java", VISIT));
        try (TestDatabase db = TestDatabase.create()) {
            Cli cli = Cli.on(project, db);
            WorkflowIT.assertSuccess(cli.run("init"));
            Properties.set(project, "entities.classpath", "build/classes");

            WorkflowIT.assertSuccess(cli.run("revision", "--autogenerate", "-m", "visits"));
            assertThat(Files.readString(onlyMigration()))
                    .contains("column(\"created\", \"timestamp(6) with time zone\").notNull()")
                    .doesNotContain("column(\"departed\", \"timestamp(6) with time zone\").notNull()");
        }
    }

    /** The compiled entities and the jars of the provider and what it needs, as a build lists them. */
    private List<String> entityClasspath() throws ClassNotFoundException, URISyntaxException {
        List<String> entries = new ArrayList<>(List.of("build/classes"));
        for (String type : List.of(
                "jakarta.validation.Validation",
                "org.hibernate.validator.HibernateValidator",
                "com.fasterxml.classmate.TypeResolver",
                "jakarta.el.ExpressionFactory",
                "org.glassfish.expressly.ExpressionFactoryImpl")) {
            entries.add(Path.of(Class.forName(type)
                            .getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .toURI())
                    .toString());
        }
        return entries;
    }

    private Path onlyMigration() throws IOException {
        try (Stream<Path> files = Files.walk(project.resolve("migrations"))) {
            List<Path> java = files.filter(f -> f.toString().endsWith(".java")).toList();
            assertThat(java).hasSize(1);
            return java.get(0);
        }
    }
}
