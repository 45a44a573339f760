package dev.autogen.internal.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.api.RevisionInfo;
import dev.autogen.internal.codegen.MigrationSource;
import dev.autogen.internal.dialect.mariadb.MariaDbDialect;
import dev.autogen.internal.dialect.postgres.PostgresDialect;
import dev.autogen.internal.operations.AddColumn;
import dev.autogen.internal.operations.DropColumn;
import dev.autogen.internal.operations.Operation;
import dev.autogen.internal.schema.Column;
import dev.autogen.internal.schema.Identity;
import dev.autogen.internal.schema.QualifiedName;
import dev.autogen.migration.Migration;
import dev.autogen.testing.JavaCompiler;
import dev.autogen.testing.Pg;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A column added or dropped instantly: MariaDB says {@code algorithm=instant} (and fails rather than copy
 * the table), PostgreSQL, which adds a column so whenever it can, writes its plain statement; the migration
 * API writes and replays it; MariaDB's lock-safe forms choose it where MariaDB can add the column so.
 */
class InstantColumnsTest {

    private static final QualifiedName SHOP = QualifiedName.of("public", "shop");
    private static final Column NOTE = Column.of("note", "varchar(200)", true);

    @Test
    void mariaDbSaysSoAndPostgresWritesItsPlainStatement() {
        assertThat(MariaDbDialect.INSTANCE.render(new AddColumn(SHOP, NOTE, true)))
                .singleElement()
                .asString()
                .endsWith("add column `note` varchar(200) null, algorithm=instant");
        assertThat(MariaDbDialect.INSTANCE.render(new DropColumn(SHOP, NOTE, true)))
                .singleElement()
                .asString()
                .endsWith("drop column `note`, algorithm=instant");
        assertThat(PostgresDialect.INSTANCE.render(new AddColumn(SHOP, NOTE, true)))
                .isEqualTo(PostgresDialect.INSTANCE.render(new AddColumn(SHOP, NOTE)));
        assertThat(new AddColumn(SHOP, NOTE, true).reverse()).isEqualTo(new DropColumn(SHOP, NOTE, true));
    }

    @Test
    void theMigrationApiWritesAndReplaysIt() {
        List<Operation> upgrade = List.of(new AddColumn(SHOP, NOTE, true));
        MigrationSource source = Pg.writer("instant")
                .write(RevisionInfo.of("i1", List.of(), "Note", Instant.parse("2026-12-07T00:00:00Z")), upgrade);
        assertThat(source.source())
                .contains("op.addColumnInstantly(name(\"shop\"), column(\"note\", \"varchar(200)\"));");
        Migration migration = JavaCompiler.load(source);
        assertThat(Pg.upgrade(migration)).containsExactlyElementsOf(upgrade);
        assertThat(Pg.downgrade(migration)).containsExactly(new DropColumn(SHOP, NOTE, true));
    }

    @Test
    void mariaDbsLockSafeFormsAddInstantlyOnlyWhatMariaDbCanAddSoAndDropInstantly() {
        Column autoIncrement = Column.of("seq", "bigint(20)", false).withIdentity(Identity.BY_DEFAULT);
        Column stored = Column.of("twice", "int(11)", true).withGenerated("`qty` * 2", false);
        Column computedDefault = Column.of("made", "datetime(6)", true).withDefaultValue("current_timestamp(6)");
        Column literalDefault = Column.of("stock", "int(11)", false).withDefaultValue("0");
        List<List<Operation>> forms = MariaDbDialect.INSTANCE.lockSafe(List.of(
                new AddColumn(SHOP, NOTE),
                new AddColumn(SHOP, literalDefault),
                new AddColumn(SHOP, autoIncrement),
                new AddColumn(SHOP, stored),
                new AddColumn(SHOP, computedDefault),
                new DropColumn(SHOP, NOTE)));
        assertThat(forms.stream().flatMap(List::stream).toList())
                .containsExactly(
                        new AddColumn(SHOP, NOTE, true),
                        new AddColumn(SHOP, literalDefault, true),
                        new AddColumn(SHOP, autoIncrement),
                        new AddColumn(SHOP, stored),
                        new AddColumn(SHOP, computedDefault),
                        new DropColumn(SHOP, NOTE, true));
    }
}
