package dev.autogen.internal.entities;

import dev.autogen.internal.dialect.Names;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLClassLoader;
import org.hibernate.SessionFactory;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;

/**
 * Hibernate booted over the user's classes: its metadata, its session factory (when one was built), its
 * registry and the class loader they hold.
 */
final class BootedModel implements AutoCloseable {

    final Metadata metadata;
    private final SessionFactory factory;
    final StandardServiceRegistry registry;
    private final URLClassLoader loader;
    final MetadataTranslator translator;
    final HibernateDdl ddl;

    BootedModel(
            Metadata metadata,
            SessionFactory factory,
            StandardServiceRegistry registry,
            URLClassLoader loader,
            String defaultSchema,
            Names names) {
        this.metadata = metadata;
        this.factory = factory;
        this.registry = registry;
        this.loader = loader;
        this.translator = new MetadataTranslator(metadata, defaultSchema, names);
        this.ddl = new HibernateDdl(metadata, translator);
    }

    @Override
    public void close() {
        if (factory != null) {
            factory.close();
        }
        StandardServiceRegistryBuilder.destroy(registry);
        try {
            loader.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
