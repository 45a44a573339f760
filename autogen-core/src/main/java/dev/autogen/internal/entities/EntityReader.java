package dev.autogen.internal.entities;

import dev.autogen.api.AutogenException;
import dev.autogen.api.EntitySource;
import dev.autogen.api.ErrorCode;
import dev.autogen.api.Naming;
import dev.autogen.internal.dialect.Dialect;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.hibernate.SessionFactory;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.model.naming.ImplicitNamingStrategy;
import org.hibernate.boot.model.naming.PhysicalNamingStrategy;
import org.hibernate.boot.registry.BootstrapServiceRegistry;
import org.hibernate.boot.registry.BootstrapServiceRegistryBuilder;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.boot.spi.MetadataImplementor;
import org.hibernate.bytecode.spi.BytecodeProvider;
import org.hibernate.cfg.AvailableSettings;

/** Reads the schema that a set of entity classes needs, as Hibernate maps them for PostgreSQL. */
public final class EntityReader {

    private EntityReader() {}

    /**
     * Scans, boots Hibernate offline for {@code dialect}'s database, and translates its model. The caller
     * closes the result.
     */
    public static EntityModel read(EntitySource source, Dialect dialect) {
        return read(source, dialect, null);
    }

    /**
     * As {@link #read(EntitySource, Dialect)}, reusing the model kept in {@code cache} (a directory, or
     * {@code null} for none) when nothing that decides the mapping changed since it was kept; a model read
     * anew is kept there.
     */
    public static EntityModel read(EntitySource source, Dialect dialect, Path cache) {
        List<Path> classpath = Classpath.expand(source.classpath());
        if (cache == null) {
            return translated(boot(source, dialect, classpath));
        }
        // The entry the last command used is read while the key is worked out: most often it is the one.
        FutureTask<Optional<EntityModelCache.Keyed>> latest =
                new FutureTask<>(() -> EntityModelCache.readLatest(cache));
        Thread reading = new Thread(latest, "autogen-entities-latest");
        reading.setDaemon(true);
        reading.start();
        String key = EntityModelCache.key(source, classpath, dialect, cache);
        Optional<EntityModelCache.Entry> kept =
                latestRead(latest).filter(keyed -> keyed.key().equals(key)).map(EntityModelCache.Keyed::entry);
        if (kept.isEmpty()) {
            kept = EntityModelCache.read(cache, key);
            kept.ifPresent(entry -> EntityModelCache.markLatest(cache, key));
        }
        if (kept.isPresent()) {
            return new EntityModel(
                    kept.get().schema(),
                    kept.get().sequenceUses(),
                    kept.get().valueDomains(),
                    () -> boot(source, dialect, classpath));
        }
        EntityModel model = translated(boot(source, dialect, classpath));
        EntityModelCache.write(
                cache, key, new EntityModelCache.Entry(model.schema(), model.sequenceUses(), model.valueDomains()));
        return model;
    }

    private static Optional<EntityModelCache.Keyed> latestRead(FutureTask<Optional<EntityModelCache.Keyed>> latest) {
        try {
            return latest.get();
        } catch (ExecutionException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** The model of a booted Hibernate; a mapping the translation refuses lets the class loader go. */
    private static EntityModel translated(BootedModel booted) {
        try {
            return new EntityModel(booted);
        } catch (RuntimeException | LinkageError e) {
            booted.close();
            throw e;
        }
    }

    /** When the SessionFactory is built: where it can change the model, or, for tests, always or never. */
    enum SessionFactoryUse {
        WHERE_IT_CHANGES_THE_MODEL,
        ALWAYS,
        NEVER
    }

    /** As {@link #read(EntitySource, Dialect)}, building the SessionFactory as {@code use} says. */
    static EntityModel readBuilding(EntitySource source, Dialect dialect, SessionFactoryUse use) {
        return translated(boot(source, dialect, Classpath.expand(source.classpath()), use));
    }

    private static BootedModel boot(EntitySource source, Dialect dialect, List<Path> classpath) {
        return boot(source, dialect, classpath, SessionFactoryUse.WHERE_IT_CHANGES_THE_MODEL);
    }

    private static BootedModel boot(EntitySource source, Dialect dialect, List<Path> classpath, SessionFactoryUse use) {
        List<String> classNames = EntityScanner.scan(classpath, source.packages());
        URLClassLoader loader =
                new URLClassLoader("autogen-entities", urls(classpath), EntityReader.class.getClassLoader());
        StandardServiceRegistry registry = null;
        Thread thread = Thread.currentThread();
        ClassLoader caller = thread.getContextClassLoader();
        // As in the running application, whose classes are the context: providers found through it (Bean
        // Validation's, Expression Language's) come from the entity classpath.
        thread.setContextClassLoader(loader);
        try {
            registry = registry(loader, source, dialect);
            Metadata metadata = metadata(registry, loader, classNames, source.naming());
            // A running application's schema is what its SessionFactory leaves in the model: integrators and
            // value generators change columns while it is built (offline here, with no connection).
            boolean build = switch (use) {
                case ALWAYS -> true;
                case NEVER -> false;
                case WHERE_IT_CHANGES_THE_MODEL -> SessionFactoryEffects.changeTheModel(metadata, registry, loader);
            };
            SessionFactory factory = build ? metadata.buildSessionFactory() : null;
            try {
                // The column order of an application whose Hibernate creates the schema (hbm2ddl create): its
                // SessionFactory orders table, primary-key and foreign-key columns once, after the
                // integrators; ordering is by type and size, which the generators, running later, do not change.
                ((MetadataImplementor) metadata).orderColumns(true);
                return new BootedModel(metadata, factory, registry, loader, source.defaultSchema(), dialect.names());
            } catch (RuntimeException | LinkageError e) {
                if (factory != null) {
                    factory.close();
                }
                throw e;
            }
        } catch (RuntimeException | LinkageError e) {
            if (registry != null) {
                StandardServiceRegistryBuilder.destroy(registry);
            }
            close(loader);
            if (e instanceof AutogenException autogen) {
                throw autogen;
            }
            throw new AutogenException(
                    ErrorCode.MAPPING_REJECTED,
                    "Hibernate rejected the entities: " + rootMessage(e),
                    "fix the mapping it names; autogen maps nothing Hibernate would not",
                    e);
        } finally {
            thread.setContextClassLoader(caller);
        }
    }

    private static StandardServiceRegistry registry(ClassLoader loader, EntitySource source, Dialect dialect) {
        BootstrapServiceRegistry bootstrap =
                new BootstrapServiceRegistryBuilder().applyClassLoader(loader).build();
        StandardServiceRegistryBuilder builder = new StandardServiceRegistryBuilder(bootstrap)
                .applySetting(AvailableSettings.JAKARTA_HBM2DDL_DB_NAME, dialect.hibernateDatabaseName())
                .applySetting(AvailableSettings.JAKARTA_HBM2DDL_DB_VERSION, dialect.hibernateDatabaseVersion());
        source.settings().forEach(builder::applySetting);
        // Whatever the application's settings say: no connection (the model comes from the classes alone),
        // no schema action, and named queries left unchecked (a query that only parses against the
        // application's own functions must not stop the schema from being read).
        builder.applySetting(AvailableSettings.ALLOW_METADATA_ON_BOOT, false)
                .applySetting(AvailableSettings.CONNECTION_PROVIDER, new NoConnections())
                .applySetting(AvailableSettings.HBM2DDL_AUTO, "none")
                .applySetting(AvailableSettings.JAKARTA_HBM2DDL_DATABASE_ACTION, "none")
                .applySetting(AvailableSettings.JAKARTA_HBM2DDL_SCRIPTS_ACTION, "none")
                .applySetting(AvailableSettings.QUERY_STARTUP_CHECKING, false);
        // Proxies and reflection optimisers are classes generated for the running application, which the
        // schema does not depend on: without them the SessionFactory builds in half the time.
        builder.addService(BytecodeProvider.class, new org.hibernate.bytecode.internal.none.BytecodeProviderImpl());
        return builder.build();
    }

    private static Metadata metadata(
            StandardServiceRegistry registry, ClassLoader loader, List<String> classNames, Naming naming) {
        MetadataSources sources = new MetadataSources(registry);
        for (String name : classNames) {
            sources.addAnnotatedClass(load(name, loader));
        }
        return sources.getMetadataBuilder()
                .applyPhysicalNamingStrategy(
                        instantiate(naming.physicalStrategy(), loader, PhysicalNamingStrategy.class))
                .applyImplicitNamingStrategy(
                        instantiate(naming.implicitStrategy(), loader, ImplicitNamingStrategy.class))
                .build();
    }

    private static Class<?> load(String name, ClassLoader loader) {
        try {
            return Class.forName(name, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new AutogenException(
                    ErrorCode.MAPPING_REJECTED,
                    "entity class " + name + " cannot be loaded: " + rootMessage(e),
                    "add the jars it depends on to entities.classpath",
                    e);
        }
    }

    /** Naming strategies are configured by class name, as in Hibernate's own settings. */
    private static <T> T instantiate(String className, ClassLoader loader, Class<T> type) {
        try {
            Class<?> found = Class.forName(className, true, loader);
            return type.cast(found.getDeclaredConstructor().newInstance());
        } catch (ReflectiveOperationException | ClassCastException | LinkageError e) {
            throw new AutogenException(
                    ErrorCode.NAMING_STRATEGY_INVALID,
                    "naming strategy " + className + " cannot be used as a " + type.getSimpleName() + ": "
                            + rootMessage(e),
                    "set naming to hibernate, spring, or a physical and an implicit strategy class with no-argument constructors",
                    e);
        }
    }

    private static URL[] urls(List<Path> classpath) {
        List<URL> urls = new ArrayList<>();
        for (Path path : classpath) {
            try {
                urls.add(path.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException(path.toString(), e);
            }
        }
        return urls.toArray(URL[]::new);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root == e ? String.valueOf(e.getMessage()) : e.getMessage() + ": " + root.getMessage();
        return message.replaceAll("\\s+", " ").strip();
    }

    private static void close(URLClassLoader loader) {
        try {
            loader.close();
        } catch (java.io.IOException ignored) {
            // Nothing was written through it; closing only releases open jar files.
        }
    }
}
