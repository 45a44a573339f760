package dev.autogen;

import dev.autogen.internal.dialect.Dialect;
import dev.autogen.internal.dialect.Risk;
import dev.autogen.internal.operations.CreateTable;
import dev.autogen.internal.operations.Operation;
import dev.autogen.internal.operations.RenameTable;
import dev.autogen.internal.operations.SetTableSchema;
import dev.autogen.internal.operations.TableOf;
import dev.autogen.internal.schema.QualifiedName;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The risks of one migration's operations, in order: an operation on a table the migration itself
 * creates risks nothing (the table has no rows and no traffic yet).
 */
final class Risks {

    private Risks() {}

    static Map<Operation, Risk> of(List<Operation> operations, Dialect dialect) {
        Set<QualifiedName> created = new HashSet<>();
        Map<Operation, Risk> risks = new LinkedHashMap<>();
        for (int i = 0; i < operations.size(); i++) {
            Operation operation = operations.get(i);
            Optional<QualifiedName> table = TableOf.of(operation);
            if (table.isPresent() && !created.contains(table.get())) {
                dialect.risk(operation, operations.subList(0, i)).ifPresent(risk -> risks.put(operation, risk));
            }
            if (operation instanceof CreateTable create) {
                created.add(create.table().name());
            } else if (operation instanceof RenameTable rename && created.contains(rename.table())) {
                created.add(rename.renamed());
            } else if (operation instanceof SetTableSchema move && created.contains(move.table())) {
                created.add(move.moved());
            }
        }
        return risks;
    }
}
