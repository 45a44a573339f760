package dev.autogen.internal.entities;

import dev.autogen.internal.dialect.Names;
import dev.autogen.internal.schema.QualifiedName;
import dev.autogen.internal.schema.Schema;
import dev.autogen.internal.schema.SequenceUse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLClassLoader;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.tool.schema.internal.SchemaCreatorImpl;

/**
 * Hibernate's boot metadata for a set of entities, the schema model translated from it, and what
 * Hibernate itself would create. Holds the class loader of the user's classes: close it when done.
 */
public final class EntityModel implements AutoCloseable {

    private final Metadata metadata;
    private final StandardServiceRegistry registry;
    private final URLClassLoader loader;
    private final Schema schema;
    private final List<SequenceUse> sequenceUses;
    private final HibernateDdl ddl;

    EntityModel(
            Metadata metadata,
            StandardServiceRegistry registry,
            URLClassLoader loader,
            String defaultSchema,
            Names names) {
        this.metadata = metadata;
        this.registry = registry;
        this.loader = loader;
        // Translate before anything renders DDL: Hibernate's exporters change the model as they go.
        MetadataTranslator translator = new MetadataTranslator(metadata, defaultSchema, names);
        this.schema = translator.schema();
        this.sequenceUses = GeneratorSequences.of(metadata, translator);
        this.ddl = new HibernateDdl(metadata, translator);
    }

    /** The schema the entities need, with types and expressions as Hibernate writes them. */
    public Schema schema() {
        return schema;
    }

    /** The sequences the entities' id generators draw from, with the key column each feeds. */
    public List<SequenceUse> sequenceUses() {
        return sequenceUses;
    }

    /**
     * The statements Hibernate's own schema creation ({@code hbm2ddl create}) runs for these entities,
     * schemas included: the oracle that autogen's result is checked against.
     */
    public List<String> hibernateCreateScript() {
        return new SchemaCreatorImpl(registry).generateCreationCommands(metadata, true);
    }

    /**
     * Hibernate's own statements creating {@code tables} (no foreign keys), and the types they need, with
     * each schema of {@code schemas}' keys written as its value: for the database to print them.
     */
    public List<String> creationStatements(Set<QualifiedName> tables, Map<String, String> schemas) {
        return ddl.statements(tables, schemas);
    }

    @Override
    public void close() {
        StandardServiceRegistryBuilder.destroy(registry);
        try {
            loader.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
