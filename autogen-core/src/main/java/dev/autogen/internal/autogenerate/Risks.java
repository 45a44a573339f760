package dev.autogen.internal.autogenerate;

import dev.autogen.internal.dialect.Dialect;
import dev.autogen.internal.dialect.Risk;
import dev.autogen.internal.operations.ExistingTables;
import dev.autogen.internal.operations.Operation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The risks of one migration's operations, in order: an operation on a table the migration itself
 * creates risks nothing (the table has no rows and no traffic yet).
 */
public final class Risks {

    private Risks() {}

    public static Map<Operation, Risk> of(List<Operation> operations, Dialect dialect) {
        ExistingTables existing = new ExistingTables();
        Map<Operation, Risk> risks = new LinkedHashMap<>();
        for (int i = 0; i < operations.size(); i++) {
            Operation operation = operations.get(i);
            if (existing.next(operation)) {
                dialect.risk(operation, operations.subList(0, i)).ifPresent(risk -> risks.put(operation, risk));
            }
        }
        return risks;
    }
}
