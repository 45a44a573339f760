package dev.autogen.internal.operations;

import dev.autogen.internal.schema.Schema;
import dev.autogen.migration.DataStep;

/**
 * Java code run on the migration's connection, with the code that undoes it. Either may be {@code null}
 * (nothing runs in that direction), not both. Like raw SQL, the model does not see it.
 */
public record ExecuteJava(DataStep step, DataStep reverseStep) implements Operation {

    public ExecuteJava {
        if (step == null && reverseStep == null) {
            throw new IllegalArgumentException("a Java step needs code in at least one direction");
        }
    }

    @Override
    public Schema applyTo(Schema schema) {
        return schema;
    }

    @Override
    public ExecuteJava reverse() {
        return new ExecuteJava(reverseStep, step);
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.executeJava(this);
    }
}
