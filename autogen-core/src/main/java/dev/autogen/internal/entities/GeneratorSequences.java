package dev.autogen.internal.entities;

import dev.autogen.internal.schema.QualifiedName;
import dev.autogen.internal.schema.SequenceUse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.model.relational.SqlStringGenerationContext;
import org.hibernate.boot.model.relational.internal.SqlStringGenerationContextImpl;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.engine.config.spi.ConfigurationService;
import org.hibernate.engine.config.spi.StandardConverters;
import org.hibernate.generator.Generator;
import org.hibernate.id.enhanced.SequenceStyleGenerator;
import org.hibernate.mapping.GeneratorSettings;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.mapping.RootClass;
import org.hibernate.mapping.UnionSubclass;

/**
 * Which column each sequence feeds, as Hibernate's own id generators say: the generator an entity's id
 * uses is built the way Hibernate builds it at start-up, and asked for its sequence. No naming rule is
 * guessed here.
 */
final class GeneratorSequences {

    private GeneratorSequences() {}

    static List<SequenceUse> of(Metadata metadata, MetadataTranslator names) {
        SqlStringGenerationContext context = standardContext(metadata);
        ConfigurationService configuration =
                metadata.getDatabase().getServiceRegistry().requireService(ConfigurationService.class);
        // As Hibernate's metadata collector answers while it builds the generators at start-up.
        GeneratorSettings settings = new GeneratorSettings() {
            @Override
            public String getDefaultCatalog() {
                return configuration.getSetting(AvailableSettings.DEFAULT_CATALOG, StandardConverters.STRING);
            }

            @Override
            public String getDefaultSchema() {
                return configuration.getSetting(AvailableSettings.DEFAULT_SCHEMA, StandardConverters.STRING);
            }

            @Override
            public SqlStringGenerationContext getSqlStringGenerationContext() {
                return context;
            }
        };
        List<SequenceUse> uses = new ArrayList<>();
        for (PersistentClass entity : metadata.getEntityBindings()) {
            if (!(entity instanceof RootClass root)
                    || root.getIdentifierProperty() == null
                    || root.getIdentifier().getColumnSpan() != 1) {
                continue;
            }
            Generator generator;
            try {
                generator = root.getIdentifier()
                        .createGenerator(
                                metadata.getDatabase().getDialect(), root, root.getIdentifierProperty(), settings);
            } catch (RuntimeException e) {
                // A generator that cannot be built here (a custom one needing more than the metadata) feeds
                // no sequence we could name; Hibernate itself reports it when the application starts.
                continue;
            }
            if (generator instanceof SequenceStyleGenerator sequenceStyle
                    && sequenceStyle.getDatabaseStructure().isPhysicalSequence()) {
                org.hibernate.boot.model.relational.QualifiedName physical =
                        sequenceStyle.getDatabaseStructure().getPhysicalName();
                QualifiedName sequence = new QualifiedName(
                        names.schemaName(physical.getSchemaName()), names.fold(physical.getObjectName()));
                String column =
                        names.columnName(root.getIdentifier().getColumns().get(0));
                // The ids are stored in the root's table, and each concrete class of a table-per-class
                // hierarchy has a table of its own holding them too.
                for (PersistentClass member : root.getSubclassClosure()) {
                    if (member == root || member instanceof UnionSubclass) {
                        org.hibernate.mapping.Table table = member.getTable();
                        if (table.isPhysicalTable() && !table.isView()) {
                            uses.add(new SequenceUse(
                                    sequence,
                                    new QualifiedName(
                                            names.schemaName(table.getQualifiedTableName()
                                                    .getSchemaName()),
                                            names.fold(table.getNameIdentifier())),
                                    column));
                        }
                    }
                }
            }
        }
        return List.copyOf(uses);
    }

    /** The context Hibernate's schema creation uses: the configured default catalog and schema. */
    static SqlStringGenerationContext standardContext(Metadata metadata) {
        Map<String, Object> settings = metadata.getDatabase()
                .getServiceRegistry()
                .requireService(ConfigurationService.class)
                .getSettings();
        return SqlStringGenerationContextImpl.fromConfigurationMap(
                metadata.getDatabase().getJdbcEnvironment(), metadata.getDatabase(), settings);
    }
}
