package dev.autogen.internal.entities;

import dev.autogen.internal.dialect.Names;
import dev.autogen.internal.schema.QualifiedName;
import dev.autogen.internal.schema.ValueDomain;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.model.relational.Namespace;
import org.hibernate.mapping.BasicValue;
import org.hibernate.mapping.Component;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.mapping.Property;
import org.hibernate.mapping.Table;
import org.hibernate.mapping.Value;
import org.hibernate.type.descriptor.converter.spi.BasicValueConverter;
import org.hibernate.type.descriptor.java.JavaType;

/**
 * The finite value domains of the entities' columns, asked of Hibernate's own mapping: for each enum or
 * boolean attribute, how its current mapping stores each value (an ordinal, a name, a converter's
 * {@code 'Y'}). A migration that changes such a column's type converts value by value from these.
 */
final class ValueDomains {

    private final Names names;
    private final MetadataTranslator translator;
    private final Map<Table, QualifiedName> tables = new IdentityHashMap<>();
    private final List<ValueDomain> domains = new ArrayList<>();

    private ValueDomains(Metadata metadata, MetadataTranslator translator, Names names) {
        this.names = names;
        this.translator = translator;
        for (Namespace namespace : metadata.getDatabase().getNamespaces()) {
            for (Table table : namespace.getTables()) {
                tables.put(table, translator.nameOf(namespace, table));
            }
        }
    }

    static List<ValueDomain> of(Metadata metadata, MetadataTranslator translator, Names names) {
        ValueDomains found = new ValueDomains(metadata, translator, names);
        for (PersistentClass entity : metadata.getEntityBindings()) {
            for (Property property : entity.getProperties()) {
                found.visit(property.getValue());
            }
        }
        return List.copyOf(found.domains);
    }

    private void visit(Value value) {
        if (value instanceof Component component) {
            component.getProperties().forEach(property -> visit(property.getValue()));
        } else if (value instanceof BasicValue basic
                && basic.getSelectables().size() == 1
                && basic.getSelectables().get(0) instanceof org.hibernate.mapping.Column column) {
            domain(basic, column);
        }
    }

    private void domain(BasicValue basic, org.hibernate.mapping.Column column) {
        QualifiedName table = tables.get(basic.getTable());
        BasicValue.Resolution<?> resolution;
        try {
            resolution = basic.resolve();
        } catch (RuntimeException unresolved) {
            // Only a help for type changes: a mapping Hibernate resolves later keeps the plain conversion.
            return;
        }
        Class<?> type = resolution.getDomainJavaType().getJavaTypeClass();
        if (table == null || type == null) {
            return;
        }
        @SuppressWarnings("unchecked")
        BasicValueConverter<Object, ?> converter = (BasicValueConverter<Object, ?>) resolution.getValueConverter();
        List<String> valueNames = new ArrayList<>();
        List<String> stored = new ArrayList<>();
        if (type.isEnum()) {
            for (Object constant : type.getEnumConstants()) {
                Enum<?> value = (Enum<?>) constant;
                Object relational = converter == null ? null : converter.toRelationalValue(value);
                String literal = converter != null
                        ? literal(relational)
                        : resolution.getJdbcType().isNumber()
                                ? String.valueOf(value.ordinal())
                                : names.stringLiteral(value.name());
                if (literal == null) {
                    return;
                }
                valueNames.add(value.name());
                stored.add(literal);
            }
        } else if (type == Boolean.class || type == boolean.class) {
            for (Boolean value : List.of(true, false)) {
                String literal = converter == null ? value.toString() : literal(converter.toRelationalValue(value));
                if (literal == null) {
                    return;
                }
                valueNames.add(value.toString());
                stored.add(literal);
            }
        } else if (type == Duration.class || type == UUID.class) {
            infinite(basic, column, table, type, resolution);
            return;
        } else {
            return;
        }
        domains.add(new ValueDomain(
                table,
                translator.columnName(column),
                type.isEnum() ? ValueDomain.Kind.ENUM : ValueDomain.Kind.BOOLEAN,
                valueNames,
                stored));
    }

    /**
     * A {@code Duration} or {@code UUID}: what Hibernate's own Java type stores for a probe value in the
     * other forms a column may have had (a number of units for one second; the bytes of a UUID), asked of
     * that Java type rather than assumed.
     */
    @SuppressWarnings("unchecked")
    private void infinite(
            BasicValue basic,
            org.hibernate.mapping.Column column,
            QualifiedName table,
            Class<?> type,
            BasicValue.Resolution<?> resolution) {
        if (resolution.getValueConverter() != null) {
            return;
        }
        JavaType<Object> java = (JavaType<Object>) resolution.getDomainJavaType();
        String name;
        String literal;
        try {
            if (type == Duration.class) {
                name = "PT1S";
                literal = String.valueOf(java.unwrap(Duration.ofSeconds(1), Long.class, null));
            } else {
                UUID probe = new UUID(0x0123456789abcdefL, 0xfedcba9876543210L);
                name = probe.toString();
                literal = "'\\x" + HexFormat.of().formatHex(java.unwrap(probe, byte[].class, null)) + "'::bytea";
            }
        } catch (RuntimeException unknown) {
            // A Java type that has no such form: only the plain conversion is known.
            return;
        }
        domains.add(new ValueDomain(
                table,
                translator.columnName(column),
                type == Duration.class ? ValueDomain.Kind.DURATION : ValueDomain.Kind.UUID,
                List.of(name),
                List.of(literal)));
    }

    /** A converter's relational value as an SQL literal; {@code null} for a kind it does not know. */
    private String literal(Object relational) {
        if (relational instanceof Number || relational instanceof Boolean) {
            return relational.toString();
        } else if (relational instanceof CharSequence || relational instanceof Character) {
            return names.stringLiteral(relational.toString());
        }
        return null;
    }
}
