package dev.autogen.spring.drifted.migrations;

import static dev.autogen.migration.Definitions.*;

import dev.autogen.migration.Migration;
import dev.autogen.migration.Operations;
import dev.autogen.migration.Revision;

@Revision(id = "d001", message = "Create accounts", created = "2026-12-02T10:00:00Z")
public final class M20261202100000_CreateAccounts implements Migration {
    @Override
    public void upgrade(Operations op) {
        op.createTable(
                table(name("account")).column(column("id", "bigint").notNull()).primaryKey("account_pkey", "id"));
    }
}
