package dev.autogen.internal.entities;

import dev.autogen.api.AutogenException;
import dev.autogen.api.ErrorCode;
import dev.autogen.internal.dialect.Names;
import dev.autogen.internal.schema.CheckConstraint;
import dev.autogen.internal.schema.Column;
import dev.autogen.internal.schema.EnumType;
import dev.autogen.internal.schema.ForeignKey;
import dev.autogen.internal.schema.Identity;
import dev.autogen.internal.schema.Index;
import dev.autogen.internal.schema.IndexKey;
import dev.autogen.internal.schema.PrimaryKey;
import dev.autogen.internal.schema.QualifiedName;
import dev.autogen.internal.schema.ReferentialAction;
import dev.autogen.internal.schema.Schema;
import dev.autogen.internal.schema.Sequence;
import dev.autogen.internal.schema.Table;
import dev.autogen.internal.schema.UniqueConstraint;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.model.naming.Identifier;
import org.hibernate.boot.model.relational.AuxiliaryDatabaseObject;
import org.hibernate.boot.model.relational.Namespace;
import org.hibernate.boot.model.relational.SqlStringGenerationContext;
import org.hibernate.boot.model.relational.internal.SqlStringGenerationContextImpl;
import org.hibernate.dialect.Dialect;
import org.hibernate.mapping.Selectable;
import org.hibernate.mapping.UniqueKey;

/**
 * Translates Hibernate's relational model ({@code org.hibernate.mapping}) into ours. It reads what
 * Hibernate decided and reproduces how Hibernate's own exporters hand it to PostgreSQL: which names are
 * sent (and so kept) and which are left for the database to choose.
 */
final class MetadataTranslator {

    /** What {@code PostgreSQLDialect.getCreateEnumTypeCommand} writes. */
    private static final Pattern CREATE_ENUM =
            Pattern.compile("create type (\\S+) as enum \\((.*)\\)", Pattern.CASE_INSENSITIVE);

    private static final Pattern CREATE_CAST =
            Pattern.compile("create cast \\(.+ as .+\\) with inout as implicit", Pattern.CASE_INSENSITIVE);
    private static final Pattern LABEL = Pattern.compile("'((?:[^']|'')*)'");

    private final Metadata metadata;
    private final Dialect dialect;
    private final String defaultSchema;
    private final Names names;

    MetadataTranslator(Metadata metadata, String defaultSchema, Names names) {
        this.metadata = metadata;
        this.dialect = metadata.getDatabase().getDialect();
        this.defaultSchema = defaultSchema;
        this.names = names;
    }

    /**
     * Two names the database keeps as one: it cuts names to their first bytes (63 on PostgreSQL), and the
     * second table or column would collide with the first.
     */
    private static AutogenException cutToOneName(String what, String stored, String owners) {
        return new AutogenException(
                ErrorCode.MAPPING_REJECTED,
                what + " are both stored as " + stored + ": the database keeps only the first bytes of a long name"
                        + (owners.isEmpty() ? "" : " (" + owners + ")"),
                "give one of them a shorter name (@Column(name = ...) or @Table(name = ...))");
    }

    /** The finite value domains of the entities' columns, with how the current mapping stores each value. */
    List<dev.autogen.internal.schema.ValueDomain> valueDomains() {
        return ValueDomains.of(metadata, this, names);
    }

    Schema schema() {
        java.util.Map<QualifiedName, String> stored = new java.util.HashMap<>();
        List<Table> tables = new ArrayList<>();
        List<Sequence> sequences = new ArrayList<>();
        TreeSet<String> namespaces = new TreeSet<>(List.of(defaultSchema));
        for (Namespace namespace : metadata.getDatabase().getNamespaces()) {
            String schema = schemaName(namespace.getPhysicalName().schema());
            for (org.hibernate.mapping.Table table : namespace.getTables()) {
                if (table.isPhysicalTable() && !table.isView()) {
                    Table translated = table(schema, table);
                    String clash = stored.putIfAbsent(translated.name(), table.getName());
                    if (clash != null) {
                        throw cutToOneName(
                                "tables " + clash + " and " + table.getName(),
                                translated.name().toString(),
                                "");
                    }
                    tables.add(translated);
                    namespaces.add(schema);
                }
            }
            for (org.hibernate.boot.model.relational.Sequence sequence : namespace.getSequences()) {
                QualifiedName name =
                        new QualifiedName(schema, fold(sequence.getName().getSequenceName()));
                sequences.add(Sequence.withDefaults(name, sequence.getInitialValue(), sequence.getIncrementSize()));
                namespaces.add(schema);
            }
        }
        return new Schema(List.copyOf(namespaces), tables, sequences, enumTypes());
    }

    private Table table(String schema, org.hibernate.mapping.Table table) {
        requireKnownColumns(table);
        List<Column> columns = new ArrayList<>();
        List<UniqueConstraint> uniques = new ArrayList<>();
        // Added by "alter table", a unique column's key comes after the table's own, as Hibernate adds them.
        List<UniqueConstraint> uniqueColumns = new ArrayList<>();
        List<CheckConstraint> checks = new ArrayList<>();
        java.util.Map<String, String> stored = new java.util.HashMap<>();
        for (org.hibernate.mapping.Column column : table.getColumns()) {
            String clash = stored.putIfAbsent(columnName(column), column.getName());
            if (clash != null) {
                throw cutToOneName(
                        "columns " + clash + " and " + column.getName() + " of table " + table.getName(),
                        columnName(column),
                        owners(table));
            }
            columns.add(column(table, column));
            if (column.isUnique() && !table.isPrimaryKey(column)) {
                // Inline as "unique", any name Hibernate has for it never reaches the database; added by
                // "alter table", under the name Hibernate makes for it.
                (uniqueKeysByAlterTable() ? uniqueColumns : uniques)
                        .add(new UniqueConstraint(
                                uniqueKeysByAlterTable() ? alterTableUniqueName(table, List.of(column), null) : null,
                                List.of(columnName(column))));
            }
            checks.addAll(columnChecks(table, column));
        }
        for (UniqueKey key : table.getUniqueKeys().values()) {
            if (uniqueKeysByAlterTable()) {
                // "alter table ... add constraint UK... unique": the name Hibernate made up reaches the database.
                if (!isPrimaryKeyColumns(table, key) && !isSingleUniqueColumn(table, key)) {
                    uniques.add(new UniqueConstraint(
                            alterTableUniqueName(table, key.getColumns(), key.getName()),
                            columnNames(key.getColumns())));
                }
            } else if (!isSingleUniqueColumn(table, key)) {
                uniques.add(new UniqueConstraint(
                        key.isNameExplicit() ? fold(key.getName()) : null, columnNames(key.getColumns())));
            }
        }
        uniques.addAll(uniqueColumns);
        for (org.hibernate.mapping.CheckConstraint check : table.getChecks()) {
            checks.add(check(check.isNamed() ? check.getName() : null, check.getConstraint()));
        }
        PrimaryKey primaryKey = table.hasPrimaryKey() ? primaryKey(table.getPrimaryKey()) : null;
        return new Table(
                new QualifiedName(schema, fold(table.getNameIdentifier())),
                columns,
                primaryKey,
                uniques,
                foreignKeys(table),
                checks,
                indexes(table),
                table.getComment());
    }

    /**
     * Hibernate takes a column list as written ({@code @Index(columnList = "issued_on")}) and fails only when
     * the database refuses the DDL; a name the naming strategy spells otherwise ({@code issuedOn}) is an
     * error here, naming the entity, the key and the columns there are.
     */
    private void requireKnownColumns(org.hibernate.mapping.Table table) {
        List<String> missing = new ArrayList<>();
        for (UniqueKey key : table.getUniqueKeys().values()) {
            unknown(table, key.getColumns())
                    .forEach(c -> missing.add("unique key " + key.getName() + " names column " + c));
        }
        for (org.hibernate.mapping.Index index : table.getIndexes().values()) {
            for (Selectable selectable : index.getSelectables()) {
                if (selectable instanceof org.hibernate.mapping.Column column && table.getColumn(column) == null) {
                    missing.add("index " + index.getName() + " names column " + column.getName());
                }
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        throw new AutogenException(
                ErrorCode.MAPPING_REJECTED,
                owners(table) + ": " + String.join("; ", missing) + ", which table " + table.getName()
                        + " does not have",
                "its columns are "
                        + table.getColumns().stream()
                                .map(org.hibernate.mapping.Column::getName)
                                .toList() + "; name them as the naming strategy spells them");
    }

    private static List<String> unknown(org.hibernate.mapping.Table table, List<org.hibernate.mapping.Column> columns) {
        return columns.stream()
                .filter(c -> table.getColumn(c) == null)
                .map(org.hibernate.mapping.Column::getName)
                .toList();
    }

    /** The entities and collections that map a table, for messages. */
    private String owners(org.hibernate.mapping.Table table) {
        List<String> owners = new ArrayList<>();
        metadata.getEntityBindings().stream()
                .filter(entity -> entity.getTable() == table)
                .forEach(entity -> owners.add("entity " + entity.getClassName()));
        metadata.getCollectionBindings().stream()
                .filter(collection -> collection.getCollectionTable() == table)
                .forEach(collection -> owners.add("collection " + collection.getRole()));
        return owners.isEmpty() ? "table " + table.getName() : String.join(", ", owners);
    }

    /**
     * A unique key over exactly the primary key's columns gives the key its order and, when named, its name:
     * Hibernate's exporter writes {@code constraint <name> primary key (...)} then.
     */
    private PrimaryKey primaryKey(org.hibernate.mapping.PrimaryKey key) {
        UniqueKey ordering = key.getOrderingUniqueKey();
        String name = ordering != null && ordering.isNameExplicit() ? fold(ordering.getName()) : null;
        return new PrimaryKey(name, columnNames(key.getColumns()));
    }

    private Column column(org.hibernate.mapping.Table table, org.hibernate.mapping.Column column) {
        Identity identity = Identity.NONE;
        if (column.isIdentity()) {
            String clause = dialect.getIdentityColumnSupport().getIdentityColumnString(column.getSqlTypeCode(metadata));
            identity = clause.toLowerCase(Locale.ROOT).contains("always") ? Identity.ALWAYS : Identity.BY_DEFAULT;
        }
        // PostgreSQL makes primary key and identity columns not null whatever the DDL says.
        boolean nullable = column.isNullable() && !table.isPrimaryKey(column) && identity == Identity.NONE;
        String generatedAs = column.getGeneratedAs();
        // Stored or virtual as Hibernate writes it for the server's version: PostgreSQL 18 makes a generated
        // column that does not say "stored" a virtual one.
        boolean virtual = generatedAs != null
                && !dialect.generatedAs(generatedAs).toLowerCase(Locale.ROOT).contains("stored");
        return new Column(
                columnName(column),
                column.getSqlType(metadata),
                nullable,
                identity == Identity.NONE ? column.getDefaultValue() : null,
                identity,
                generatedAs,
                column.getComment(),
                virtual);
    }

    /** Anonymous column checks go out as one inline {@code check (a and b)}; named ones keep their names. */
    private List<CheckConstraint> columnChecks(org.hibernate.mapping.Table table, org.hibernate.mapping.Column column) {
        List<CheckConstraint> checks = new ArrayList<>();
        List<String> anonymous = new ArrayList<>();
        for (org.hibernate.mapping.CheckConstraint check : column.getCheckConstraints()) {
            if (check.isAnonymous()) {
                anonymous.add(check.getConstraintInParens());
            } else {
                checks.add(check(check.getName(), check.getConstraint()));
            }
        }
        if (!anonymous.isEmpty()) {
            // Hibernate adds them in no fixed order (Bean Validation's @Min and @Max either way round from
            // one run to the next); in one order, a migration is generated the same each time.
            Collections.sort(anonymous);
            // Written with the column: some databases name such a check after it (MariaDB).
            checks.add(
                    0,
                    check(names.columnCheckName(table.getName(), columnName(column)), String.join(" and ", anonymous)));
        }
        return checks;
    }

    private CheckConstraint check(String name, String expression) {
        return new CheckConstraint(name == null ? null : fold(name), expression);
    }

    /**
     * Whether Hibernate's dialect adds unique keys by {@code alter table} under their names (MariaDB and
     * most others), rather than inside {@code create table}, unnamed (PostgreSQL).
     */
    private boolean uniqueKeysByAlterTable() {
        // CreateTableUniqueDelegate extends the alter-table one: only the latter itself adds them by alter table.
        return dialect.getUniqueDelegate() instanceof org.hibernate.dialect.unique.AlterTableUniqueDelegate
                && !(dialect.getUniqueDelegate() instanceof org.hibernate.dialect.unique.CreateTableUniqueDelegate);
    }

    /** The name Hibernate's {@code AlterTableUniqueDelegate} writes: the key's own, or {@code UK} and a hash. */
    private String alterTableUniqueName(
            org.hibernate.mapping.Table table, List<org.hibernate.mapping.Column> columns, String given) {
        if (given != null && !given.isEmpty()) {
            return fold(given);
        }
        List<Identifier> names = columns.stream()
                .map(c -> c.getNameIdentifier(metadata.getDatabase()))
                .toList();
        // A table-per-class subclass's table takes its superclass's unique columns with their keys, named
        // after the table that declares them.
        org.hibernate.mapping.Table owner = table;
        while (owner instanceof org.hibernate.mapping.DenormalizedTable denormalized
                && columns.stream()
                        .allMatch(c -> denormalized.getIncludedTable().getColumn(c) != null)) {
            owner = denormalized.getIncludedTable();
        }
        return fold(org.hibernate.boot.model.naming.NamingHelper.INSTANCE.generateHashedConstraintName(
                "UK", owner.getNameIdentifier(), names));
    }

    /** A unique key over the primary key's columns only orders them; it is no constraint of its own. */
    private static boolean isPrimaryKeyColumns(org.hibernate.mapping.Table table, UniqueKey key) {
        return table.hasPrimaryKey()
                && key.getColumns().size() == table.getPrimaryKey().getColumns().size()
                && table.getPrimaryKey().getColumns().containsAll(key.getColumns());
    }

    /** Hibernate's create-table unique delegate skips a one-column key whose column is already unique. */
    private static boolean isSingleUniqueColumn(org.hibernate.mapping.Table table, UniqueKey key) {
        if (key.getColumns().size() != 1) {
            return false;
        }
        org.hibernate.mapping.Column column = key.getColumn(0);
        org.hibernate.mapping.Column own = table.getColumn(column);
        return column.isUnique() || own != null && own.isUnique();
    }

    private List<ForeignKey> foreignKeys(org.hibernate.mapping.Table table) {
        List<ForeignKey> keys = new ArrayList<>();
        for (org.hibernate.mapping.ForeignKey key : table.getForeignKeyCollection()) {
            if (!key.isCreationEnabled() || !key.isPhysicalConstraint()) {
                continue;
            }
            org.hibernate.mapping.Table target = key.getReferencedTable();
            List<org.hibernate.mapping.Column> targetColumns =
                    key.isReferenceToPrimaryKey() ? target.getPrimaryKey().getColumns() : key.getReferencedColumns();
            ReferentialAction onDelete = key.getOnDeleteAction() == null
                    ? ReferentialAction.NO_ACTION
                    : ReferentialAction.valueOf(key.getOnDeleteAction().name());
            keys.add(new ForeignKey(
                    fold(key.getName()),
                    columnNames(key.getColumns()),
                    new QualifiedName(
                            schemaName(target.getQualifiedTableName().getSchemaName()),
                            fold(target.getNameIdentifier())),
                    columnNames(targetColumns),
                    onDelete,
                    ReferentialAction.NO_ACTION,
                    false,
                    false));
        }
        return keys;
    }

    private List<Index> indexes(org.hibernate.mapping.Table table) {
        List<Index> indexes = new ArrayList<>();
        for (org.hibernate.mapping.Index index : table.getIndexes().values()) {
            List<IndexKey> keys = new ArrayList<>();
            for (Selectable selectable : index.getSelectables()) {
                boolean descending = "desc"
                        .equalsIgnoreCase(
                                String.valueOf(index.getSelectableOrderMap().get(selectable))
                                        .strip());
                keys.add(
                        selectable instanceof org.hibernate.mapping.Column column
                                ? new IndexKey(columnName(column), false, descending)
                                : new IndexKey(selectable.getText(dialect), true, descending));
            }
            indexes.add(new Index(fold(index.getName()), index.isUnique(), keys, Index.DEFAULT_METHOD, null));
        }
        return indexes;
    }

    /** Named PostgreSQL enum types arrive as auxiliary objects holding the dialect's {@code create type}. */
    private List<EnumType> enumTypes() {
        SqlStringGenerationContext context = SqlStringGenerationContextImpl.fromExplicit(
                metadata.getDatabase().getJdbcEnvironment(), metadata.getDatabase(), null, null);
        List<EnumType> types = new ArrayList<>();
        for (AuxiliaryDatabaseObject object : metadata.getDatabase().getAuxiliaryDatabaseObjects()) {
            if (!object.appliesToDialect(dialect)) {
                continue;
            }
            String[] statements = object.sqlCreateStrings(context);
            // Hibernate's named enums come with implicit casts to and from varchar, created beside the type.
            boolean casts = java.util.Arrays.stream(statements)
                    .anyMatch(s -> CREATE_CAST.matcher(s.strip()).matches());
            for (String statement : statements) {
                Matcher create = CREATE_ENUM.matcher(statement.strip());
                if (create.matches()) {
                    List<String> labels = new ArrayList<>();
                    Matcher label = LABEL.matcher(create.group(2));
                    while (label.find()) {
                        labels.add(label.group(1).replace("''", "'"));
                    }
                    types.add(new EnumType(
                            new QualifiedName(defaultSchema, fold(Identifier.toIdentifier(create.group(1)))),
                            labels,
                            casts));
                }
            }
        }
        return types;
    }

    private List<String> columnNames(List<org.hibernate.mapping.Column> columns) {
        return columns.stream().map(this::columnName).toList();
    }

    String columnName(org.hibernate.mapping.Column column) {
        return column.isQuoted() ? names.truncated(column.getName()) : names.fold(column.getName());
    }

    /** The name the model gives a table of {@code namespace}. */
    QualifiedName nameOf(Namespace namespace, org.hibernate.mapping.Table table) {
        return new QualifiedName(schemaName(namespace.getPhysicalName().schema()), fold(table.getNameIdentifier()));
    }

    /** The name the model gives a schema: the default one when Hibernate names none. */
    /**
     * The schema a table is in: the default one when it names none, or when the database has no schemas
     * (MariaDB's schema is its database), where Hibernate leaves the name out and the table goes to the
     * current database.
     */
    String schemaName(Identifier schema) {
        // Hibernate asks the JDBC driver when the dialect does not say (null): PostgreSQL has schemas.
        org.hibernate.engine.jdbc.env.spi.NameQualifierSupport qualifiers = dialect.getNameQualifierSupport();
        boolean noSchemas = qualifiers != null && !qualifiers.supportsSchemas();
        return schema == null || noSchemas ? defaultSchema : fold(schema);
    }

    /** The database folds unquoted names (PostgreSQL to lower case), keeps quoted ones as written, and cuts both to its length. */
    String fold(Identifier identifier) {
        return identifier.isQuoted() ? names.truncated(identifier.getText()) : names.fold(identifier.getText());
    }

    private String fold(String name) {
        return fold(Identifier.toIdentifier(name));
    }
}
