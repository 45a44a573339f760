package dev.autogen.internal.entities;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.model.naming.Identifier;
import org.hibernate.boot.model.relational.AuxiliaryDatabaseObject;
import org.hibernate.boot.model.relational.Namespace;
import org.hibernate.boot.model.relational.QualifiedName;
import org.hibernate.boot.model.relational.QualifiedNameImpl;
import org.hibernate.boot.model.relational.QualifiedSequenceName;
import org.hibernate.boot.model.relational.QualifiedTableName;
import org.hibernate.boot.model.relational.SqlStringGenerationContext;
import org.hibernate.dialect.Dialect;
import org.hibernate.mapping.Table;

/**
 * Hibernate's own DDL for some of the tables, written by its own exporters exactly as its schema creation
 * writes them (columns as ordered, column definitions as given, inline and table checks, indexes, unique
 * keys, comments), but with each schema renamed: so that the database can build them beside the real
 * ones and say how it stores them. Foreign keys are left out; the types tables need come first.
 */
final class HibernateDdl {

    private final Metadata metadata;
    private final MetadataTranslator names;

    HibernateDdl(Metadata metadata, MetadataTranslator names) {
        this.metadata = metadata;
        this.names = names;
    }

    /** The statements for {@code tables}, with schema {@code s} written as {@code schemas.get(s)} where mapped. */
    List<String> statements(Set<dev.autogen.internal.schema.QualifiedName> tables, Map<String, String> schemas) {
        Dialect dialect = metadata.getDatabase().getDialect();
        SqlStringGenerationContext context = new RenamedSchemas(GeneratorSequences.standardContext(metadata), schemas);
        List<String> statements = new ArrayList<>();
        for (AuxiliaryDatabaseObject object : metadata.getDatabase().getAuxiliaryDatabaseObjects()) {
            if (object.appliesToDialect(dialect) && object.beforeTablesOnCreation()) {
                Collections.addAll(
                        statements,
                        dialect.getAuxiliaryDatabaseObjectExporter().getSqlCreateStrings(object, metadata, context));
            }
        }
        for (Namespace namespace : metadata.getDatabase().getNamespaces()) {
            for (Table table : namespace.getTables()) {
                if (table.isPhysicalTable() && !table.isView() && tables.contains(names.nameOf(namespace, table))) {
                    boolean commentsOn = false;
                    for (String sql : dialect.getTableExporter().getSqlCreateStrings(table, metadata, context)) {
                        if (COMMENT.matcher(sql).lookingAt()) {
                            commentsOn = true;
                        } else {
                            statements.add(sql);
                        }
                    }
                    // Only where Hibernate wrote "comment on" (MariaDB's comments are inside "create table").
                    if (commentsOn) {
                        statements.addAll(comments(table, dialect, context));
                    }
                    table.getIndexes()
                            .values()
                            .forEach(index -> Collections.addAll(
                                    statements,
                                    dialect.getIndexExporter().getSqlCreateStrings(index, metadata, context)));
                    table.getUniqueKeys()
                            .values()
                            .forEach(key -> Collections.addAll(
                                    statements,
                                    dialect.getUniqueKeyExporter().getSqlCreateStrings(key, metadata, context)));
                }
            }
        }
        return statements;
    }

    /**
     * Hibernate writes a comment's text into its {@code comment on} statement unescaped, so one apostrophe
     * breaks it: its statements are left out and written again here, the text as a proper literal.
     */
    private static List<String> comments(Table table, Dialect dialect, SqlStringGenerationContext context) {
        String name = context.format(table.getQualifiedTableName());
        List<String> comments = new ArrayList<>();
        if (table.getComment() != null) {
            comments.add("comment on table " + name + " is " + literal(table.getComment()));
        }
        for (org.hibernate.mapping.Column column : table.getColumns()) {
            if (column.getComment() != null) {
                comments.add("comment on column " + name + "." + column.getQuotedName(dialect) + " is "
                        + literal(column.getComment()));
            }
        }
        return comments;
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    private static final java.util.regex.Pattern COMMENT = java.util.regex.Pattern.compile("(?i)\\s*comment\\s+on\\s");

    private final class RenamedSchemas implements SqlStringGenerationContext {
        private final SqlStringGenerationContext delegate;
        private final Map<String, String> schemas;

        RenamedSchemas(SqlStringGenerationContext delegate, Map<String, String> schemas) {
            this.delegate = delegate;
            this.schemas = schemas;
        }

        private Identifier rename(Identifier schema) {
            if (schema == null) {
                return null;
            }
            String renamed = schemas.get(names.schemaName(schema));
            return renamed == null ? schema : Identifier.toIdentifier(renamed, true);
        }

        @Override
        public Dialect getDialect() {
            return delegate.getDialect();
        }

        @Override
        public Identifier toIdentifier(String text) {
            return delegate.toIdentifier(text);
        }

        @Override
        public Identifier getDefaultCatalog() {
            return delegate.getDefaultCatalog();
        }

        @Override
        public Identifier getDefaultSchema() {
            return rename(delegate.getDefaultSchema());
        }

        @Override
        public String format(QualifiedTableName name) {
            QualifiedTableName full = delegate.withDefaults(name);
            return delegate.format(
                    new QualifiedTableName(full.getCatalogName(), rename(full.getSchemaName()), full.getTableName()));
        }

        @Override
        public String format(QualifiedSequenceName name) {
            QualifiedSequenceName full = delegate.withDefaults(name);
            return delegate.format(new QualifiedSequenceName(
                    full.getCatalogName(), rename(full.getSchemaName()), full.getSequenceName()));
        }

        @Override
        public String format(QualifiedName name) {
            QualifiedName full = delegate.withDefaults(name);
            return delegate.format(
                    new QualifiedNameImpl(full.getCatalogName(), rename(full.getSchemaName()), full.getObjectName()));
        }

        @Override
        public String formatWithoutCatalog(QualifiedSequenceName name) {
            QualifiedSequenceName full = delegate.withDefaults(name);
            return delegate.formatWithoutCatalog(
                    new QualifiedSequenceName(null, rename(full.getSchemaName()), full.getSequenceName()));
        }

        @Override
        public boolean isMigration() {
            return delegate.isMigration();
        }
    }
}
