package dev.autogen.internal.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The one-table edits of a schema give what building it from the edited list of tables gives. */
class SchemaEditsTest {

    private static Table table(String schema, String name, String type) {
        return Table.of(new QualifiedName(schema, name), List.of(Column.of("id", type, false)));
    }

    @Test
    void randomEditsAgreeWithASchemaBuiltFromTheirTables() {
        Random random = new Random(42);
        Schema edited = Schema.empty();
        List<Table> tables = new ArrayList<>();
        for (int step = 0; step < 2_000; step++) {
            String schema = random.nextBoolean() ? "public" : "b";
            Table table = table(schema, "t" + random.nextInt(300), random.nextBoolean() ? "integer" : "bigint");
            int at = indexOf(tables, table.name());
            if (at < 0) {
                edited = edited.plusTable(table);
                tables.add(table);
            } else if (random.nextBoolean()) {
                edited = edited.replacingTable(table);
                tables.set(at, table);
            } else {
                edited = edited.minusTable(tables.get(at));
                tables.remove(at);
            }
            Schema built = Schema.empty().withTables(new ArrayList<>(tables));
            assertThat(edited).isEqualTo(built);
            assertThat(edited.tables()).containsExactlyElementsOf(built.tables());
            assertThat(edited.hashCode()).isEqualTo(built.hashCode());
        }
        for (Table table : tables) {
            assertThat(edited.table(table.name())).contains(table);
        }
    }

    @Test
    void editsRefuseWhatTheModelDoesNotHold() {
        Schema schema = Schema.empty().plusTable(table("public", "a", "integer"));

        assertThatThrownBy(() -> schema.plusTable(table("public", "a", "bigint")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("names table public.a twice");
        assertThatThrownBy(() -> schema.minusTable(table("public", "a", "bigint")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is not in the model");
        assertThatThrownBy(() -> schema.replacingTable(table("public", "b", "integer")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no table public.b");
    }

    @Test
    void anEditedSchemaIsWrittenAsPlainListsAndCheckedAgainWhenReadBack() throws Exception {
        Schema schema = Schema.empty()
                .plusTable(table("public", "b", "integer"))
                .plusTable(table("public", "a", "integer"))
                .withSequences(List.of(Sequence.withDefaults(new QualifiedName("public", "s"), 1, 50)));

        Schema read = (Schema) readBack(schema);

        assertThat(read).isEqualTo(schema);
        assertThat(read.tables())
                .extracting(Table::name)
                .containsExactly(new QualifiedName("public", "a"), new QualifiedName("public", "b"));
    }

    private static int indexOf(List<Table> tables, QualifiedName name) {
        for (int i = 0; i < tables.size(); i++) {
            if (tables.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private static Object readBack(Object value) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        assertThat(bytes.toString(java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("ByName");
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return in.readObject();
        }
    }
}
