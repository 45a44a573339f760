package dev.autogen.internal.diff;

import dev.autogen.internal.schema.Schema;
import dev.autogen.testing.Pg;

/** The named form of a model, as the database holds it after migrating from nothing: for tests elsewhere. */
public final class DiffPropertiesTestAccess {

    public Schema named(Schema model) {
        return DiffPropertiesTest.apply(Pg.diff(Schema.empty(), model), Schema.empty());
    }
}
