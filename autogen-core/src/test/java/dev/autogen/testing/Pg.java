package dev.autogen.testing;

import dev.autogen.api.EntitySource;
import dev.autogen.internal.codegen.MigrationWriter;
import dev.autogen.internal.dialect.postgres.PostgresCanonical;
import dev.autogen.internal.dialect.postgres.PostgresDialect;
import dev.autogen.internal.diff.SchemaDiffer;
import dev.autogen.internal.entities.EntityModel;
import dev.autogen.internal.entities.EntityReader;
import dev.autogen.internal.operations.DataLoss;
import dev.autogen.internal.operations.Operation;
import dev.autogen.internal.operations.Recorder;
import dev.autogen.internal.schema.Schema;
import dev.autogen.migration.Migration;
import java.util.List;

/** The PostgreSQL dialect as the tests use it: the pipeline's stages with its rules filled in. */
public final class Pg {

    public static final PostgresDialect DIALECT = PostgresDialect.INSTANCE;
    public static final DataLoss DATA_LOSS = new DataLoss(DIALECT.typeChanges());

    private Pg() {}

    /** The operations that turn {@code current} into {@code target}. */
    public static List<Operation> diff(Schema current, Schema target) {
        return SchemaDiffer.diff(current, target, DIALECT.diffRules());
    }

    /** The entities' model, booted for PostgreSQL; close it. */
    public static EntityModel read(EntitySource source) {
        return EntityReader.read(source, DIALECT);
    }

    /** The schema the entities need, in canonical spelling. */
    public static Schema entities(EntitySource source) {
        try (EntityModel model = read(source)) {
            return canonical(model.schema());
        }
    }

    /** Types and expressions alike in canonical spelling, so that two models compare record for record. */
    public static Schema canonical(Schema schema) {
        return PostgresCanonical.of(schema);
    }

    public static List<String> sql(Operation operation) {
        return DIALECT.render(operation);
    }

    public static List<String> sql(List<Operation> operations) {
        return operations.stream().flatMap(o -> DIALECT.render(o).stream()).toList();
    }

    public static List<Operation> upgrade(Migration migration) {
        return Recorder.upgrade(migration, "public");
    }

    public static List<Operation> downgrade(Migration migration) {
        return Recorder.downgrade(migration, "public");
    }

    public static MigrationWriter writer(String packageName) {
        return new MigrationWriter(packageName, "public", DATA_LOSS);
    }
}
