package dev.autogen.spring.naming.migrations;

import static dev.autogen.migration.Definitions.*;

import dev.autogen.migration.Migration;
import dev.autogen.migration.Operations;
import dev.autogen.migration.Revision;

@Revision(id = "n001", message = "Create members, names as written", created = "2026-12-02T10:00:00Z")
public final class M20261202100000_CreateMembers implements Migration {
    @Override
    public void upgrade(Operations op) {
        // Names as written, and folded by PostgreSQL: displayName, not Spring's display_name.
        op.createTable(table(name("member"))
                .column(column("id", "bigint").notNull())
                .column(column("displayname", "character varying(255)"))
                .primaryKey("member_pkey", "id"));
    }
}
