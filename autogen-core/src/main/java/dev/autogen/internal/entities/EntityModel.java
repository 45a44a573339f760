package dev.autogen.internal.entities;

import dev.autogen.internal.schema.QualifiedName;
import dev.autogen.internal.schema.Schema;
import dev.autogen.internal.schema.SequenceUse;
import dev.autogen.internal.schema.ValueDomain;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.hibernate.tool.schema.internal.SchemaCreatorImpl;

/**
 * The schema model a set of entities needs, the sequences their generators draw from, and what Hibernate
 * itself would create for them. The model may come from the cache; Hibernate is then booted only when its
 * own DDL is asked for. Close it when done: a booted Hibernate holds the class loader of the user's classes.
 */
public final class EntityModel implements AutoCloseable {

    private final Schema schema;
    private final List<SequenceUse> sequenceUses;
    private final List<ValueDomain> valueDomains;
    private final Supplier<BootedModel> boot;
    private final boolean cached;
    private BootedModel booted;

    /** A model translated from Hibernate booted just now. */
    EntityModel(BootedModel booted) {
        // Translate before anything renders DDL: Hibernate's exporters change the model as they go.
        this.schema = booted.translator.schema();
        this.sequenceUses = GeneratorSequences.of(booted.metadata, booted.translator);
        this.valueDomains = booted.translator.valueDomains();
        this.booted = booted;
        this.boot = () -> booted;
        this.cached = false;
    }

    /** A model read from the cache; {@code boot} boots Hibernate for the same entities if its DDL is asked for. */
    EntityModel(
            Schema schema, List<SequenceUse> sequenceUses, List<ValueDomain> valueDomains, Supplier<BootedModel> boot) {
        this.schema = schema;
        this.sequenceUses = List.copyOf(sequenceUses);
        this.valueDomains = List.copyOf(valueDomains);
        this.boot = boot;
        this.cached = true;
    }

    /** The schema the entities need, with types and expressions as Hibernate writes them. */
    public Schema schema() {
        return schema;
    }

    /** The sequences the entities' id generators draw from, with the key column each feeds. */
    public List<SequenceUse> sequenceUses() {
        return sequenceUses;
    }

    /** The enum and boolean columns' values, as the current mapping stores each. */
    public List<ValueDomain> valueDomains() {
        return valueDomains;
    }

    /** Whether the model came from the cache (Hibernate not booted for it). */
    public boolean cached() {
        return cached;
    }

    /**
     * The statements Hibernate's own schema creation ({@code hbm2ddl create}) runs for these entities,
     * schemas included: the oracle that autogen's result is checked against.
     */
    public List<String> hibernateCreateScript() {
        BootedModel hibernate = booted();
        return new SchemaCreatorImpl(hibernate.registry).generateCreationCommands(hibernate.metadata, true);
    }

    /**
     * Hibernate's own statements creating {@code tables} (no foreign keys), and the types they need, with
     * each schema of {@code schemas}' keys written as its value: for the database to print them.
     */
    public List<String> creationStatements(Set<QualifiedName> tables, Map<String, String> schemas) {
        return booted().ddl.statements(tables, schemas);
    }

    private synchronized BootedModel booted() {
        if (booted == null) {
            booted = boot.get();
        }
        return booted;
    }

    @Override
    public synchronized void close() {
        if (booted != null) {
            booted.close();
        }
    }
}
