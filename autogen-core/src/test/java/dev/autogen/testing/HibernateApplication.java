package dev.autogen.testing;

import dev.autogen.api.ConnectionSettings;
import dev.autogen.api.EntitySource;
import dev.autogen.api.Naming;
import io.github.classgraph.ClassGraph;
import io.github.classgraph.ScanResult;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.model.naming.ImplicitNamingStrategy;
import org.hibernate.boot.model.naming.PhysicalNamingStrategy;
import org.hibernate.boot.registry.BootstrapServiceRegistryBuilder;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;

/**
 * The oracle for "the schema the entities need": what a running application's Hibernate creates with
 * {@code jakarta.persistence.schema-generation.database.action = create}, booting a SessionFactory on a
 * real connection, as {@code hbm2ddl.auto = create} or Spring's {@code ddl-auto = create} would. It
 * shares nothing with autogen's entity reader but the entity classes and the naming strategies' names.
 */
public final class HibernateApplication {

    private HibernateApplication() {}

    /** Boots the entities of {@code source}'s packages (on the test classpath) against {@code db}, creating their schema. */
    public static void create(TestDatabase db, EntitySource source) {
        create(db.settings(), source);
    }

    /** The same, on the database {@code database} reaches (MariaDB too). */
    public static void create(ConnectionSettings database, EntitySource source) {
        create(database, source, HibernateApplication.class.getClassLoader(), entityClasses(source));
    }

    /** Boots the entities compiled into {@code classes} against {@code db}, creating their schema. */
    public static void createFrom(TestDatabase db, EntitySource source, Path classes) {
        createFrom(db.settings(), source, classes);
    }

    /** The same, on the database {@code db} reaches (MariaDB too). */
    public static void createFrom(ConnectionSettings db, EntitySource source, Path classes) {
        try {
            URLClassLoader loader = new URLClassLoader(
                    new URL[] {classes.toUri().toURL()}, HibernateApplication.class.getClassLoader());
            List<String> names;
            try (ScanResult scan = new ClassGraph()
                    .overrideClasspath(classes)
                    .enableAnnotationInfo()
                    .ignoreClassVisibility()
                    .scan()) {
                names = scan.getClassesWithAnnotation("jakarta.persistence.Entity")
                        .getNames();
            }
            List<Class<?>> types = new java.util.ArrayList<>();
            for (String name : names) {
                types.add(Class.forName(name, false, loader));
            }
            create(db, source, loader, types);
        } catch (java.io.IOException | ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void create(ConnectionSettings db, EntitySource source, ClassLoader loader, List<Class<?>> types) {
        StandardServiceRegistryBuilder settings = new StandardServiceRegistryBuilder(
                        new BootstrapServiceRegistryBuilder()
                                .applyClassLoader(loader)
                                .build())
                .applySetting(AvailableSettings.JAKARTA_JDBC_URL, db.url())
                .applySetting(AvailableSettings.JAKARTA_HBM2DDL_DATABASE_ACTION, "create")
                // Tables in schemas of their own need the schemas: an application says so, or creates them first.
                .applySetting(AvailableSettings.JAKARTA_HBM2DDL_CREATE_SCHEMAS, "true")
                // A statement Hibernate cannot run is an error here, not a log line.
                .applySetting(AvailableSettings.HBM2DDL_HALT_ON_ERROR, "true")
                .applySetting("hibernate.connection.pool_size", "1");
        if (db.user() != null) {
            settings.applySetting(AvailableSettings.JAKARTA_JDBC_USER, db.user());
        }
        if (db.password() != null) {
            settings.applySetting(AvailableSettings.JAKARTA_JDBC_PASSWORD, db.password());
        }
        source.settings().forEach(settings::applySetting);
        StandardServiceRegistry registry = settings.build();
        try {
            MetadataSources sources = new MetadataSources(registry);
            types.forEach(sources::addAnnotatedClass);
            Naming naming = source.naming();
            try (SessionFactory factory = sources.getMetadataBuilder()
                    .applyPhysicalNamingStrategy(instance(naming.physicalStrategy(), PhysicalNamingStrategy.class))
                    .applyImplicitNamingStrategy(instance(naming.implicitStrategy(), ImplicitNamingStrategy.class))
                    .build()
                    .buildSessionFactory()) {
                factory.getMetamodel();
            }
        } finally {
            StandardServiceRegistryBuilder.destroy(registry);
        }
    }

    private static List<Class<?>> entityClasses(EntitySource source) {
        ClassGraph graph = new ClassGraph().enableAnnotationInfo().ignoreClassVisibility();
        if (!source.packages().isEmpty()) {
            graph.acceptPackages(source.packages().toArray(String[]::new));
        } else {
            graph.acceptPackages("dev.autogen.sample");
        }
        try (ScanResult scan = graph.scan()) {
            return scan.getClassesWithAnnotation("jakarta.persistence.Entity").loadClasses();
        }
    }

    private static <T> T instance(String className, Class<T> type) {
        try {
            return type.cast(Class.forName(className).getDeclaredConstructor().newInstance());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
