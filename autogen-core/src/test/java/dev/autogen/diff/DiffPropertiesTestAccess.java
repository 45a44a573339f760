package dev.autogen.diff;

import dev.autogen.schema.Schema;

/** The named form of a model, as the database holds it after migrating from nothing: for tests elsewhere. */
public final class DiffPropertiesTestAccess {

    public Schema named(Schema model) {
        return DiffPropertiesTest.apply(SchemaDiffer.diff(Schema.empty(), model), Schema.empty());
    }
}
