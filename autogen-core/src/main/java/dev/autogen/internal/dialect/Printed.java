package dev.autogen.internal.dialect;

import dev.autogen.internal.schema.Schema;

/**
 * Tables as the database stores them, built from their DDL where nothing real is touched; or why the
 * database could not be asked.
 *
 * @param schema the tables as read back, or {@code null} when they could not be built
 * @param failure why not, or {@code null}
 */
public record Printed(Schema schema, String failure) {

    public boolean succeeded() {
        return schema != null;
    }
}
