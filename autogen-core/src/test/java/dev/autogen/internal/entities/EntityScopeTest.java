package dev.autogen.internal.entities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autogen.api.EntitySource;
import dev.autogen.api.Naming;
import dev.autogen.internal.schema.QualifiedName;
import dev.autogen.internal.schema.Table;
import dev.autogen.sample.Owner;
import dev.autogen.testing.Pg;
import dev.autogen.testing.TestClasspath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The entities autogen maps are those the application's own Hibernate would map, whatever else the classpath holds. */
class EntityScopeTest {

    @TempDir
    Path work;

    @Test
    void theEntitiesWithAllTheirJarsGiveExactlyTheApplicationsTables() {
        EntitySource entitiesAlone = EntitySource.of(List.of(TestClasspath.locationOf(Owner.class)))
                .withPackages(List.of("dev.autogen.sample"))
                .withNaming(Naming.SPRING);
        EntitySource withDependencies = EntitySource.of(List.of(
                        TestClasspath.locationOf(Owner.class),
                        TestClasspath.locationOf(org.hibernate.Session.class),
                        TestClasspath.locationOf(jakarta.persistence.Entity.class)))
                .withNaming(Naming.SPRING);

        List<QualifiedName> expected = tables(entitiesAlone);
        assertThat(tables(withDependencies))
                .as("hibernate-core's own changelog entities are not the application's")
                .containsExactlyElementsOf(expected)
                .doesNotContain(new QualifiedName("public", "revinfo"), new QualifiedName("public", "revchanges"));
    }

    @Test
    void aSpringBootApplicationMapsItsOwnPackagesOrThoseItsEntityScanNames() throws IOException {
        Path app = compile(
                Map.of(
                        "org/springframework/boot/autoconfigure/SpringBootApplication.java",
                        "package org.springframework.boot.autoconfigure; public @interface SpringBootApplication {}",
                        "com/acme/shop/ShopApplication.java",
                        "package com.acme.shop; @org.springframework.boot.autoconfigure.SpringBootApplication public class ShopApplication {}",
                        "com/acme/shop/orders/Basket.java",
                        "package com.acme.shop.orders; @jakarta.persistence.Entity public class Basket { @jakarta.persistence.Id Long id; }",
                        "com/acme/tools/Stray.java",
                        "package com.acme.tools; @jakarta.persistence.Entity public class Stray { @jakarta.persistence.Id Long id; }"));
        assertThat(tables(EntitySource.of(List.of(app.toString()))))
                .containsExactly(new QualifiedName("public", "basket"));

        Path scanning = compile(
                Map.of(
                        "org/springframework/boot/autoconfigure/SpringBootApplication.java",
                        "package org.springframework.boot.autoconfigure; public @interface SpringBootApplication {}",
                        "org/springframework/boot/persistence/autoconfigure/EntityScan.java",
                        "package org.springframework.boot.persistence.autoconfigure; public @interface EntityScan { String[] value() default {};"
                                + " Class<?>[] basePackageClasses() default {}; }",
                        "com/acme/shop/ShopApplication.java",
                        "package com.acme.shop; @org.springframework.boot.autoconfigure.SpringBootApplication"
                                + " @org.springframework.boot.persistence.autoconfigure.EntityScan(basePackageClasses = com.acme.tools.Stray.class)"
                                + " public class ShopApplication {}",
                        "com/acme/shop/orders/Basket.java",
                        "package com.acme.shop.orders; @jakarta.persistence.Entity public class Basket { @jakarta.persistence.Id Long id; }",
                        "com/acme/tools/Stray.java",
                        "package com.acme.tools; @jakarta.persistence.Entity public class Stray { @jakarta.persistence.Id Long id; }"));
        assertThat(tables(EntitySource.of(List.of(scanning.toString()))))
                .containsExactly(new QualifiedName("public", "stray"));
    }

    @Test
    void aJarThatCannotBeReadStopsTheCommandRatherThanHideItsEntities() throws IOException {
        Path corrupt = Files.writeString(work.resolve("domain.jar"), "not a jar at all");
        assertThatThrownBy(() ->
                        tables(EntitySource.of(List.of(TestClasspath.locationOf(Owner.class), corrupt.toString()))))
                .hasMessageContaining("classpath entry " + corrupt + " cannot be used: it is not a readable jar");
    }

    @Test
    void aPackageThatHoldsNothingIsAnError() {
        EntitySource source = EntitySource.of(List.of(TestClasspath.locationOf(Owner.class)))
                .withPackages(List.of("dev.autogen.sample", "dev.autogen.sampel"));
        assertThatThrownBy(() -> tables(source))
                .hasMessageContaining("entities.packages names 'dev.autogen.sampel', which holds no class");
    }

    private static List<QualifiedName> tables(EntitySource source) {
        return Pg.entities(source).tables().stream().map(Table::name).toList();
    }

    private Path compile(Map<String, String> sources) throws IOException {
        Path root = Files.createTempDirectory(work, "app");
        List<String> arguments = new ArrayList<>(List.of(
                "-d",
                root.resolve("classes").toString(),
                "-classpath",
                TestClasspath.locationOf(jakarta.persistence.Entity.class)));
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Path file = root.resolve("src").resolve(source.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue());
            arguments.add(file.toString());
        }
        assertThat(ToolProvider.getSystemJavaCompiler().run(null, null, null, arguments.toArray(String[]::new)))
                .isZero();
        // The annotations stand in for Spring's: an application's jar carries its classes, not Spring's.
        Files.walk(root.resolve("classes/org"))
                .sorted(java.util.Comparator.reverseOrder())
                .forEach(p -> p.toFile().delete());
        return root.resolve("classes");
    }
}
