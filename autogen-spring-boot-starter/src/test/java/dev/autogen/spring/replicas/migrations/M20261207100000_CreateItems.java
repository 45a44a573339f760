package dev.autogen.spring.replicas.migrations;

import static dev.autogen.migration.Definitions.*;

import dev.autogen.migration.Migration;
import dev.autogen.migration.Operations;
import dev.autogen.migration.Revision;

@Revision(id = "b001", message = "Create items", created = "2026-12-07T10:00:00Z")
public final class M20261207100000_CreateItems implements Migration {
    @Override
    public void upgrade(Operations op) {
        op.createTable(table(name("item"))
                .column(column("id", "bigint").notNull())
                .column(column("code", "character varying(20)"))
                .column(column("qty", "integer"))
                .primaryKey("item_pkey", "id"));
        op.execute(
                "insert into item select g, 'code' || g, g % 100 from generate_series(1, 20000) g", "delete from item");
    }
}
