package dev.autogen.internal.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.api.EntitySource;
import dev.autogen.api.Naming;
import dev.autogen.internal.entities.EntityModel;
import dev.autogen.internal.operations.Operation;
import dev.autogen.internal.schema.Schema;
import dev.autogen.sample.Owner;
import dev.autogen.testing.ModelLines;
import dev.autogen.testing.Pg;
import dev.autogen.testing.TestClasspath;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Properties every diff must have, checked over every pair of a family of models, with no database. */
class DiffPropertiesTest {

    private static final List<Schema> UNNAMED = new ArrayList<>();
    private static final List<Schema> NAMED = new ArrayList<>();

    @BeforeAll
    static void readModels() {
        List<EntitySource> sources = new ArrayList<>();
        sources.add(
                EntitySource.of(List.of(TestClasspath.locationOf(Owner.class))).withNaming(Naming.SPRING));
        for (String family : List.of(
                "ids",
                "enums",
                "embeddables",
                "associations",
                "inheritance",
                "constraints",
                "evolution.v1",
                "evolution.v2",
                "evolution.v3")) {
            sources.add(EntitySource.of(List.of(TestClasspath.testClasses()))
                    .withPackages(List.of("dev.autogen.fixtures." + family)));
        }
        sources.add(EntitySource.of(List.of(TestClasspath.testClasses()))
                .withPackages(List.of("dev.autogen.fixtures.associations", "dev.autogen.fixtures.enums")));
        for (EntitySource source : sources) {
            try (EntityModel model = Pg.read(source)) {
                UNNAMED.add(Pg.canonical(model.schema()));
            }
        }
        UNNAMED.add(Schema.empty().withNamespaces(List.of("public")));
        // A database's model names every constraint: get one by applying the diff from nothing.
        for (Schema schema : UNNAMED) {
            NAMED.add(apply(Pg.diff(Schema.empty(), schema), Schema.empty()));
        }
    }

    @Test
    void aModelDiffedWithItselfGivesNothing() {
        for (Schema schema : concat(UNNAMED, NAMED)) {
            assertThat(Pg.diff(schema, schema)).isEmpty();
        }
    }

    @Test
    void applyingTheDiffReachesTheTargetForEveryPair() {
        for (Schema from : NAMED) {
            for (Schema to : concat(UNNAMED, NAMED)) {
                Schema reached = apply(Pg.diff(from, to), from);
                assertThat(Pg.diff(reached, to)).isEmpty();
                assertThat(ModelLines.of(reached, to)).containsExactlyElementsOf(ModelLines.of(to));
            }
        }
    }

    @Test
    void theDowngradeUndoesTheUpgradeForEveryPair() {
        for (Schema from : NAMED) {
            for (Schema to : concat(UNNAMED, NAMED)) {
                List<Operation> upgrade = Pg.diff(from, to);
                Schema back = apply(downgrade(upgrade), apply(upgrade, from));
                assertThat(ModelLines.of(back)).containsExactlyElementsOf(ModelLines.of(from));
            }
        }
    }

    @Test
    void reversingAnOperationTwiceGivesItBack() {
        int seen = 0;
        for (Schema from : NAMED) {
            for (Schema to : NAMED) {
                for (Operation operation : Pg.diff(from, to)) {
                    assertThat(operation.reverse().reverse()).isEqualTo(operation);
                    seen++;
                }
            }
        }
        assertThat(seen).isGreaterThan(100);
    }

    @Test
    void theSameInputGivesTheSameOperations() {
        for (Schema to : UNNAMED) {
            assertThat(Pg.diff(NAMED.get(0), to)).isEqualTo(Pg.diff(NAMED.get(0), to));
        }
    }

    static Schema apply(List<Operation> operations, Schema schema) {
        Schema result = schema;
        for (Operation operation : operations) {
            result = operation.applyTo(result);
        }
        return result;
    }

    static List<Operation> downgrade(List<Operation> upgrade) {
        List<Operation> reversed = new ArrayList<>();
        for (int i = upgrade.size() - 1; i >= 0; i--) {
            reversed.add(upgrade.get(i).reverse());
        }
        return reversed;
    }

    private static List<Schema> concat(List<Schema> a, List<Schema> b) {
        List<Schema> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
