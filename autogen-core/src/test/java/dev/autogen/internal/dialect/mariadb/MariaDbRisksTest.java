package dev.autogen.internal.dialect.mariadb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.internal.autogenerate.Risks;
import dev.autogen.internal.dialect.Risk;
import dev.autogen.internal.operations.AddColumn;
import dev.autogen.internal.operations.AlterColumn;
import dev.autogen.internal.operations.CreateTable;
import dev.autogen.internal.operations.DropColumn;
import dev.autogen.internal.operations.Operation;
import dev.autogen.internal.operations.RenameColumn;
import dev.autogen.internal.operations.SetTableSchema;
import dev.autogen.internal.schema.Column;
import dev.autogen.internal.schema.Identity;
import dev.autogen.internal.schema.QualifiedName;
import dev.autogen.internal.schema.Table;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Which changes copy or rebuild a MariaDB table, or break the running application, as lint and the
 * generated remarks name them; a table the migration creates risks nothing.
 */
class MariaDbRisksTest {

    private static final MariaDbDialect DIALECT = MariaDbDialect.INSTANCE;
    private static final QualifiedName SHOP = new QualifiedName("app", "shop");

    @Test
    void aColumnMariaDbAddsOnlyByCopyingIsARiskAndOneItAddsInstantlyIsNot() {
        Column counter = new Column("counter", "bigint(20)", false, null, Identity.BY_DEFAULT, null, null);
        Column total = new Column("total", "int(11)", true, null, Identity.NONE, "`a` + `b`", null, false);
        Column stamped = new Column("stamped", "datetime(6)", true, "current_timestamp(6)", Identity.NONE, null, null);
        Column note = Column.of("note", "varchar(200)", true);
        Column computedAsRead = new Column("shown", "int(11)", true, null, Identity.NONE, "`a` + 1", null, true);

        for (Column copied : List.of(counter, total, stamped)) {
            List<Operation> safe = lockSafe(new AddColumn(SHOP, copied));
            assertThat(safe).containsExactly(new AddColumn(SHOP, copied));
            assertThat(rules(safe)).as(copied.name()).containsExactly("add-column-copies-table");
        }
        for (Column instant : List.of(note, computedAsRead)) {
            List<Operation> safe = lockSafe(new AddColumn(SHOP, instant));
            assertThat(safe).containsExactly(new AddColumn(SHOP, instant, true));
            assertThat(rules(safe)).as(instant.name()).isEmpty();
            assertThat(DIALECT.lockSafeRemarks(safe.get(0)))
                    .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                    .contains("added instantly (algorithm=instant)");
        }
    }

    @Test
    void aTableTheMigrationCreatesRisksNothing() {
        Column counter = new Column("counter", "bigint(20)", false, null, Identity.BY_DEFAULT, null, null);
        Table shop = Table.of(SHOP, List.of(Column.of("id", "bigint(20)", false)));
        assertThat(rules(List.of(new CreateTable(shop), new AddColumn(SHOP, counter))))
                .isEmpty();
    }

    @Test
    void typeChangesCopyButALongerVarcharOfTheSameWidthAndAppendedLabels() {
        Column code = Column.of("code", "varchar(20)", true);
        assertThat(rules(List.of(new AlterColumn(SHOP, code, code.withType("varchar(40)")))))
                .isEmpty();
        assertThat(rules(List.of(new AlterColumn(SHOP, code, code.withType("varchar(100)")))))
                .containsExactly("type-change-copies-table");
        Column kind = Column.of("kind", "enum('A','B')", true);
        assertThat(rules(List.of(new AlterColumn(SHOP, kind, kind.withType("enum('A','B','C')")))))
                .isEmpty();
        assertThat(rules(List.of(new AlterColumn(SHOP, code, code.withNullable(false)))))
                .containsExactly("set-not-null-rebuilds");
    }

    @Test
    void dropsAndRenamesBreakTheRunningApplication() {
        Column code = Column.of("code", "varchar(20)", true);
        Map<Operation, Risk> risks = Risks.of(
                List.of(
                        new DropColumn(SHOP, code),
                        new RenameColumn(SHOP, "name", "title"),
                        new SetTableSchema(SHOP, "archive")),
                DIALECT);
        assertThat(risks.values().stream().map(Risk::rule))
                .containsExactly(
                        "drop-breaks-running-code", "rename-breaks-running-code", "rename-breaks-running-code");
        assertThat(risks.get(new RenameColumn(SHOP, "name", "title")).what())
                .contains("names name until the application that says title is deployed");
    }

    private static List<Operation> lockSafe(Operation operation) {
        return DIALECT.lockSafe(List.of(operation)).stream()
                .flatMap(List::stream)
                .toList();
    }

    private static List<String> rules(List<Operation> operations) {
        return Risks.of(operations, DIALECT).values().stream().map(Risk::rule).toList();
    }
}
