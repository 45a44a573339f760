package dev.autogen.internal.runner;

import dev.autogen.internal.dialect.Dialect;
import dev.autogen.internal.operations.ExecuteJava;
import dev.autogen.internal.operations.Operation;
import dev.autogen.internal.runner.Step.Java;
import dev.autogen.internal.runner.Step.Sql;
import dev.autogen.internal.runner.Step.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What takes a migration back to where it began once part of it committed on its own: the reverses of its
 * operations that completed, latest first, and for an operation that was under way, what undoes it whether
 * or not its statement took effect; all in forms that run in one transaction.
 */
final class Undo {

    private Undo() {}

    /**
     * @param done how many of the step's statements are known to have committed
     * @param uncertain whether the statement at {@code done} ran on its own and may have taken effect (the
     *     run was killed while it ran)
     * @return the statements, or empty when an operation under way cannot be undone this way
     */
    static Optional<List<Statement>> of(Step step, int done, boolean uncertain, Dialect dialect) {
        List<Statement> statements = step.statements();
        int last = uncertain && done < statements.size() ? done : done - 1;
        if (last < 0) {
            return Optional.of(List.of());
        }
        int underWay = statements.get(last).operation();
        boolean complete = last == done - 1
                && (last + 1 >= statements.size() || statements.get(last + 1).operation() != underWay);
        List<Statement> undo = new ArrayList<>();
        if (!complete) {
            int run = 0;
            for (int i = last; i >= 0 && statements.get(i).operation() == underWay; i--) {
                run++;
            }
            Optional<List<String>> undoing =
                    dialect.undoUncertain(step.operations().get(underWay), run);
            if (undoing.isEmpty()) {
                return Optional.empty();
            }
            undoing.get().forEach(sql -> undo.add(new Sql(sql, underWay, false)));
        }
        for (int index = complete ? underWay : underWay - 1; index >= 0; index--) {
            Operation reverse =
                    dialect.inTransaction(step.operations().get(index).reverse());
            if (reverse instanceof ExecuteJava java) {
                if (java.step() != null) {
                    undo.add(new Java(java.step(), index));
                }
            } else {
                for (String sql : dialect.render(reverse)) {
                    undo.add(new Sql(sql, index, false));
                }
            }
        }
        return Optional.of(undo);
    }
}
