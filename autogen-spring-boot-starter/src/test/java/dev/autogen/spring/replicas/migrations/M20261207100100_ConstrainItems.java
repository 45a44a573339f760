package dev.autogen.spring.replicas.migrations;

import static dev.autogen.migration.Definitions.*;

import dev.autogen.migration.Migration;
import dev.autogen.migration.Operations;
import dev.autogen.migration.Revision;

@Revision(id = "b002", revises = "b001", message = "Constrain items", created = "2026-12-07T10:01:00Z")
public final class M20261207100100_ConstrainItems implements Migration {
    @Override
    public void upgrade(Operations op) {
        op.createIndexConcurrently(name("item"), index("ix_item_qty").column("qty"));
        op.addUniqueConstraintConcurrently(name("item"), unique("uk_item_code", "code"));
        op.addCheckConstraintNotValid(name("item"), check("item_code_not_null_proof", "code IS NOT NULL"));
        op.validateConstraint(name("item"), "item_code_not_null_proof");
        op.alterColumn(
                name("item"),
                column("code", "character varying(20)"),
                column("code", "character varying(20)").notNull());
        op.dropConstraint(name("item"), check("item_code_not_null_proof", "code IS NOT NULL"));
        op.addCheckConstraintNotValid(name("item"), check("item_qty_not_null_proof", "qty IS NOT NULL"));
        op.validateConstraint(name("item"), "item_qty_not_null_proof");
        op.alterColumn(
                name("item"), column("qty", "integer"), column("qty", "integer").notNull());
        op.dropConstraint(name("item"), check("item_qty_not_null_proof", "qty IS NOT NULL"));
    }
}
