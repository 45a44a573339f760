package dev.autogen.bench;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.BootstrapServiceRegistryBuilder;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.engine.config.spi.ConfigurationService;
import org.hibernate.tool.schema.spi.SchemaManagementToolCoordinator;

/**
 * Hibernate's own schema tools as a whole process, the way an application runs them with
 * {@code hibernate.hbm2ddl.auto}: {@code validate} or {@code update} against a live database.
 * Arguments: ACTION JDBC_URL USER CLASSES_DIR.
 */
public final class HibernateSchemaTool {

    private HibernateSchemaTool() {}

    public static void main(String[] args) throws IOException {
        String action = args[0];
        Path classes = Path.of(args[3]);
        URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, HibernateSchemaTool.class.getClassLoader());
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder(
                new BootstrapServiceRegistryBuilder().applyClassLoader(loader).build())
                .applySetting("jakarta.persistence.jdbc.url", args[1])
                .applySetting("jakarta.persistence.jdbc.user", args[2])
                .applySetting("hibernate.hbm2ddl.auto", action)
                .build();
        MetadataSources sources = new MetadataSources(registry);
        for (String name : classNames(classes)) {
            try {
                sources.addAnnotatedClass(Class.forName(name, false, loader));
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        Metadata metadata = sources.buildMetadata();
        Map<String, Object> settings = new HashMap<>(registry.requireService(ConfigurationService.class).getSettings());
        SchemaManagementToolCoordinator.process(metadata, registry, settings, dropAction -> { });
        StandardServiceRegistryBuilder.destroy(registry);
    }

    private static List<String> classNames(Path classes) throws IOException {
        try (Stream<Path> walk = Files.walk(classes)) {
            return walk.filter(p -> p.toString().endsWith(".class"))
                    .map(p -> classes.relativize(p).toString().replace('/', '.').replaceAll("\\.class$", ""))
                    .sorted().toList();
        }
    }
}
