package dev.autogen.internal.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.api.RevisionInfo;
import dev.autogen.internal.dialect.IntrospectionScope;
import dev.autogen.internal.operations.AddCheckConstraint;
import dev.autogen.internal.operations.AlterColumn;
import dev.autogen.internal.operations.AlterEnumType;
import dev.autogen.internal.operations.ColumnRef;
import dev.autogen.internal.operations.CreateEnumType;
import dev.autogen.internal.operations.CreateIndex;
import dev.autogen.internal.operations.CreateSchema;
import dev.autogen.internal.operations.CreateSequence;
import dev.autogen.internal.operations.CreateTable;
import dev.autogen.internal.operations.Execute;
import dev.autogen.internal.operations.Operation;
import dev.autogen.internal.operations.Recorder;
import dev.autogen.internal.operations.RenameConstraint;
import dev.autogen.internal.operations.RenameIndex;
import dev.autogen.internal.operations.SetTableComment;
import dev.autogen.internal.operations.SetTableSchema;
import dev.autogen.internal.runner.OfflineScriptAccess;
import dev.autogen.internal.schema.CheckConstraint;
import dev.autogen.internal.schema.Column;
import dev.autogen.internal.schema.EnumType;
import dev.autogen.internal.schema.Index;
import dev.autogen.internal.schema.IndexKey;
import dev.autogen.internal.schema.PrimaryKey;
import dev.autogen.internal.schema.QualifiedName;
import dev.autogen.internal.schema.Schema;
import dev.autogen.internal.schema.Sequence;
import dev.autogen.internal.schema.Table;
import dev.autogen.internal.schema.UniqueConstraint;
import dev.autogen.migration.Migration;
import dev.autogen.testing.JavaCompiler;
import dev.autogen.testing.Pg;
import dev.autogen.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Text from users and entities (names, messages, comments, defaults, checks, labels, raw SQL) never
 * becomes code: random strings of every nasty kind go through every place text reaches; the generated
 * migration compiles, and replays to exactly the operations it was written from; the SQL builds exactly
 * the objects named, and the offline script's comments stay comments.
 */
@Tag("database")
class HostileTextTest {

    /** The pieces hostile strings are made of. */
    private static final List<String> PIECES = List.of(
            "\n",
            "\r",
            "\r\n",
            "\u2028",
            "\u2029",
            "\u0085",
            "*/",
            "/*",
            "//",
            "\\u000a",
            "\\u002a/",
            "\\",
            "\"",
            "'",
            "''",
            "$$",
            "$autogen$",
            "${x}",
            "$L",
            "$S",
            "%s",
            "--",
            ";",
            "\t",
            "\u0000",
            "\u001b[31m",
            "\ud800",
            "\udc00",
            "\ud83d\ude00",
            "Größe",
            "naïve",
            "日本",
            "x",
            "select",
            "drop table x",
            "<b>",
            "{@code x}",
            "@Deprecated",
            "&amp;",
            " ");

    private final Random random = new Random(20261202);

    @Test
    void randomTextCompilesAndReplaysToTheSameOperations() {
        for (int round = 0; round < 12; round++) {
            List<Operation> upgrade = operations(this::text);
            String message = text() + "*/ class Injected { static { System.exit(3); } } /*";
            MigrationSource source = Pg.writer("hostile")
                    .write(
                            RevisionInfo.of("h" + round, List.of(), message, Instant.parse("2026-12-02T10:00:00Z")),
                            upgrade);

            Migration migration = JavaCompiler.load(source);
            assertThat(Pg.upgrade(migration)).as("round %d", round).containsExactlyElementsOf(upgrade);
            assertThat(Pg.downgrade(migration)).containsExactlyElementsOf(Recorder.reversed(upgrade));
            assertThat(source.className().length()).isLessThanOrEqualTo(60);
            assertThat(source.source().lines().map(String::strip).filter(l -> l.startsWith("class Injected")))
                    .as("text that would end a comment and declare a class")
                    .isEmpty();
        }
    }

    @Test
    void seventyThousandCharactersGoThroughAsOneString() {
        String huge = "x".repeat(69_990) + "\u00e9\ud83d\ude00'\"\\";
        List<Operation> upgrade = List.of(new Execute("select '" + huge.replace("'", "''") + "'", null));
        MigrationSource source =
                Pg.writer("huge").write(RevisionInfo.of("big", List.of(), "big", Instant.EPOCH), upgrade);
        assertThat(Pg.upgrade(JavaCompiler.load(source))).containsExactlyElementsOf(upgrade);
    }

    @Test
    void theSqlBuildsExactlyTheNamedObjectsAndTheScriptsCommentsStayComments() {
        for (int round = 0; round < 4; round++) {
            // PostgreSQL keeps neither NUL in a name or string nor a lone surrogate in UTF-8: those stay in Java.
            List<Operation> upgrade = operations(
                    () -> text().replace("\u0000", "0").replace("\ud800", "u").replace("\udc00", "u"));
            try (TestDatabase db = TestDatabase.create()) {
                db.execute(Pg.sql(upgrade));
                Schema expected = upgrade.stream().reduce(Schema.empty(), (s, o) -> o.applyTo(s), (a, b) -> b);
                Schema built = db.introspect(IntrospectionScope.of("public").withOtherSchemas(expected.namespaces()));
                assertThat(names(built)).containsExactlyElementsOf(names(expected));
                assertThat(built.enumTypes()).containsExactlyInAnyOrderElementsOf(expected.enumTypes());
                assertThat(built.sequences().stream().map(Sequence::name).toList())
                        .containsExactlyElementsOf(expected.sequences().stream()
                                .map(Sequence::name)
                                .toList());
            }
            String script = OfflineScriptAccess.script(upgrade, text() + "\r\ndrop table victim;\n-- ");
            assertThat(script.lines().filter(l -> l.startsWith("drop table victim")))
                    .isEmpty();
        }
    }

    /** Every name and comment of the model's tables, in order. */
    private static List<String> names(Schema schema) {
        List<String> names = new java.util.ArrayList<>();
        for (Table table : schema.tables()) {
            names.add("table " + table.name() + " comment " + table.comment());
            table.columns().forEach(c -> names.add("column " + c.name() + " comment " + c.comment()));
            table.constraints().forEach(c -> names.add("constraint " + c.name()));
            table.indexes().forEach(i -> names.add("index " + i.name()));
        }
        return names.stream().sorted().toList();
    }

    private interface Texts {
        String next();
    }

    private List<Operation> operations(Texts texts) {
        QualifiedName table = new QualifiedName(name(texts), name(texts));
        String a = name(texts);
        String b = name(texts);
        EnumType type =
                new EnumType(new QualifiedName(table.schema(), name(texts)), List.of(label(texts), label(texts) + "2"));
        Column first = new Column(
                a,
                "text",
                false,
                "'" + texts.next().replace("'", "''") + "'",
                dev.autogen.internal.schema.Identity.NONE,
                null,
                texts.next());
        Column second = Column.of(b, "integer", true).withComment(texts.next());
        Table created = Table.of(table, List.of(first, second))
                .withPrimaryKey(new PrimaryKey(name(texts), List.of(a)))
                .withUniqueConstraints(List.of(new UniqueConstraint(name(texts), List.of(a, b))))
                .withComment(texts.next());
        String check = name(texts);
        String index = name(texts);
        String elsewhere = name(texts);
        return List.of(
                new CreateSchema(table.schema()),
                new CreateEnumType(type),
                new CreateSequence(Sequence.withDefaults(new QualifiedName(table.schema(), name(texts)), 1, 1)),
                new CreateTable(created),
                new AddCheckConstraint(
                        table,
                        new CheckConstraint(
                                check,
                                quote(b) + " > 0 or " + quote(a) + " <> " + "'"
                                        + texts.next().replace("'", "''") + "'")),
                new CreateIndex(
                        table,
                        new Index(
                                index,
                                false,
                                List.of(IndexKey.column(b), new IndexKey("lower(" + quote(a) + ")", true, true)),
                                Index.DEFAULT_METHOD,
                                quote(b) + " is not null")),
                new AlterColumn(table, second, second.withComment(texts.next())),
                new SetTableComment(table, created.comment(), texts.next()),
                new AlterEnumType(
                        type,
                        new EnumType(
                                type.name(),
                                List.of(
                                        type.labels().get(0),
                                        label(texts) + "3",
                                        type.labels().get(1))),
                        List.<ColumnRef>of()),
                new RenameConstraint(table, check, name(texts)),
                new RenameIndex(table, index, name(texts)),
                new CreateSchema(elsewhere),
                new SetTableSchema(table, elsewhere));
    }

    private static String quote(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    private int names;

    /** A name PostgreSQL keeps as it is (at most 63 bytes), and no other in the model has. */
    private String name(Texts texts) {
        String suffix = "_" + names++;
        return clip(texts.next(), 63 - suffix.length()) + suffix;
    }

    private String label(Texts texts) {
        return name(texts);
    }

    /** The longest start of {@code text} within {@code bytes} bytes, not splitting a character. */
    private static String clip(String text, int bytes) {
        StringBuilder kept = new StringBuilder();
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            String next = new String(Character.toChars(codePoint));
            if ((kept + next).getBytes(StandardCharsets.UTF_8).length > bytes) {
                break;
            }
            kept.append(next);
            i += next.length();
        }
        return kept.toString();
    }

    private String text() {
        StringBuilder text = new StringBuilder();
        int pieces = 1 + random.nextInt(6);
        for (int i = 0; i < pieces; i++) {
            text.append(PIECES.get(random.nextInt(PIECES.size())));
        }
        return text.toString();
    }
}
