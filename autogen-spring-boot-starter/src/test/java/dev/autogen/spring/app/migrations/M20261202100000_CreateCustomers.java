package dev.autogen.spring.app.migrations;

import static dev.autogen.migration.Definitions.*;

import dev.autogen.migration.Migration;
import dev.autogen.migration.Operations;
import dev.autogen.migration.Revision;

@Revision(id = "a001", message = "Create customers", created = "2026-12-02T10:00:00Z")
public final class M20261202100000_CreateCustomers implements Migration {
    @Override
    public void upgrade(Operations op) {
        op.createTable(table(name("customer"))
                .column(column("id", "bigint").notNull())
                .column(column("full_name", "character varying(100)").notNull())
                .primaryKey("customer_pkey", "id"));
    }
}
