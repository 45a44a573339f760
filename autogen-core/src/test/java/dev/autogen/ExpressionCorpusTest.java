package dev.autogen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.api.EntitySource;
import dev.autogen.api.Naming;
import dev.autogen.api.RevisionRequest;
import dev.autogen.internal.dialect.IntrospectionScope;
import dev.autogen.internal.dialect.postgres.SqlExpressions;
import dev.autogen.internal.entities.EntityModel;
import dev.autogen.internal.schema.CheckConstraint;
import dev.autogen.internal.schema.Column;
import dev.autogen.internal.schema.Index;
import dev.autogen.internal.schema.Schema;
import dev.autogen.internal.schema.Table;
import dev.autogen.testing.HibernateApplication;
import dev.autogen.testing.Pg;
import dev.autogen.testing.TestClasspath;
import dev.autogen.testing.TestDatabase;
import dev.autogen.testing.TestProjects;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A corpus of everyday check, default, index and column-definition expressions, one entity each. With a
 * database, every one converges: after {@code upgrade head} (and on a database Hibernate created), {@code check}
 * is clean and {@code revision --autogenerate} has nothing to write. Without one, the parser alone is
 * measured against what PostgreSQL prints: how many it reads as the same expression.
 */
@Tag("database")
class ExpressionCorpusTest {

    /** Each: a Java member (annotations and field) for an entity that also has the columns below. */
    private static final List<String> MEMBERS = List.of(
            check("email ~ '^[^@]+@[^@]+$'"),
            check("case when n > 0 then true else false end"),
            check("name is distinct from 'x'"),
            check("extract(year from d) > 2000"),
            check("d < current_date + interval '1 day'"),
            check("substring(name from 1 for 1) <> 'x'"),
            check("trim(name) <> ''"),
            check("n::text <> ''"),
            check("n = any (array[1, 2, 3])"),
            check("coalesce(n, 0) >= 0"),
            check("nullif(name, '') is not null"),
            check("n between 1 and 10"),
            check("name like 'a%'"),
            check("name ilike 'A%'"),
            check("name || code <> ''"),
            check("date_trunc('day', ts) <= ts"),
            check("lower(name) = name"),
            check("not flag"),
            check("(n > 0 and price > 0) or (n < 0 and not flag)"),
            check("price * 2 > n"),
            check("price / 2 >= 0"),
            check("n % 2 = 0"),
            check("abs(n) < 100"),
            check("length(name) > 2"),
            check("n in (1, 2, 3)"),
            check("code in ('A')"),
            check("name not in ('x', 'y')"),
            check("ts > '2020-01-01'"),
            check("price > 0.5"),
            check("upper(code) = code"),
            check("name similar to 'a%'"),
            check("n is not null or name is not null"),
            check("position('@' in email) > 1"),
            check("greatest(n, 0) = n"),
            check("n >= -5 and n <= +5"),
            check("ts::date >= d"),
            "@ColumnDefault(\"now() + interval '1 day'\") LocalDateTime extra;",
            "@ColumnDefault(\"'5'\") Integer extra;",
            "@ColumnDefault(\"'5 minutes'\") @JdbcTypeCode(SqlTypes.INTERVAL_SECOND) Duration extra;",
            "@ColumnDefault(\"interval '1 day'\") @JdbcTypeCode(SqlTypes.INTERVAL_SECOND) Duration extra;",
            "@ColumnDefault(\"current_date\") LocalDate extra;",
            "@ColumnDefault(\"'new'\") String extra;",
            "@ColumnDefault(\"-1\") Integer extra;",
            "@ColumnDefault(\"lower('ABC')\") String extra;",
            "@ColumnDefault(\"gen_random_uuid()\") UUID extra;",
            "@ColumnDefault(\"true\") Boolean extra;",
            "@ColumnDefault(\"0.5\") @Column(precision = 5, scale = 2) BigDecimal extra;",
            "@Column(columnDefinition = \"int4 not null default 7\") Integer extra;",
            "@Column(columnDefinition = \"varchar(20) check (length(extra) > 1)\") String extra;",
            "@Column(columnDefinition = \"numeric\") BigDecimal extra;",
            "@Column(columnDefinition = \"timestamptz\") java.time.OffsetDateTime extra;",
            "@Array(length = 3) String[] extra;",
            "@GeneratedColumn(\"price * n\") @Column(insertable = false, updatable = false) BigDecimal extra;",
            "@Enumerated(EnumType.STRING) Single extra;");

    private static final String COLUMNS = "@Id Long id; Integer n; @Column(precision = 10, scale = 2) BigDecimal price;"
            + " String name; String email; @Column(length = 3) String code; LocalDate d; LocalDateTime ts; Boolean flag;";

    @TempDir
    static Path work;

    private static Path classes;

    @BeforeAll
    static void compileTheCorpus() throws IOException {
        Path src = work.resolve("src/corpus");
        Files.createDirectories(src);
        Files.writeString(src.resolve("Single.java"), "package corpus; public enum Single { ONLY }");
        for (int i = 0; i < MEMBERS.size(); i++) {
            String member = MEMBERS.get(i);
            String entity = member.startsWith("@Check")
                    ? member + " @Entity class E" + i + " { " + COLUMNS + " }"
                    : "@Entity class E" + i + " { " + COLUMNS + " " + member + " }";
            Files.writeString(
                    src.resolve("E" + i + ".java"),
                    """
                    package corpus;
                    import jakarta.persistence.*;
                    import java.math.BigDecimal;
                    import java.time.*;
                    import java.util.UUID;
                    import org.hibernate.annotations.*;
                    import org.hibernate.type.SqlTypes;
                    """
                            + entity.replace("@Check(", "@org.hibernate.annotations.Check(")
                                    .replace("@Index(", "@jakarta.persistence.Index(")
                            + "\n");
        }
        classes = Files.createDirectories(work.resolve("classes"));
        List<String> arguments = new ArrayList<>(List.of(
                "-d",
                classes.toString(),
                "-proc:none",
                "-classpath",
                TestClasspath.locationOf(jakarta.persistence.Entity.class)
                        + java.io.File.pathSeparator
                        + TestClasspath.locationOf(org.hibernate.Session.class)));
        try (var files = Files.list(src)) {
            files.map(Path::toString).forEach(arguments::add);
        }
        assertThat(ToolProvider.getSystemJavaCompiler().run(null, null, null, arguments.toArray(String[]::new)))
                .isZero();
    }

    private static String check(String expression) {
        return "@Check(constraints = \"" + expression.replace("\\", "\\\\").replace("\"", "\\\"") + "\")";
    }

    private static EntitySource corpus() {
        return EntitySource.of(List.of(classes.toString())).withNaming(Naming.HIBERNATE);
    }

    @Test
    void everyExpressionConvergesAfterAnUpgrade() {
        try (TestDatabase db = TestDatabase.create()) {
            Autogen autogen = autogen(db, "upgraded");
            assertThat(autogen.revision(RevisionRequest.autogenerate("corpus")).written())
                    .isPresent();
            autogen.upgrade("head");
            assertThat(autogen.check()).as("check after upgrade head").isEmpty();
            assertThat(autogen.revision(RevisionRequest.autogenerate("again")).written())
                    .as("a second revision")
                    .isEmpty();
        }
    }

    @Test
    void everyExpressionIsCleanOnTheDatabaseHibernateCreates() {
        try (TestDatabase db = TestDatabase.create()) {
            HibernateApplication.createFrom(db, corpus(), classes);
            Autogen autogen = autogen(db, "hibernates");
            assertThat(autogen.check()).as("check on Hibernate's database").isEmpty();
            assertThat(autogen.revision(RevisionRequest.autogenerate("nothing")).written())
                    .isEmpty();
        }
    }

    /** Not a gate: how far the parser alone, with no server to ask, agrees with what PostgreSQL prints. */
    @Test
    void theParserAloneIsMeasuredAgainstWhatPostgresPrints() {
        try (TestDatabase db = TestDatabase.create();
                EntityModel model = Pg.read(corpus())) {
            HibernateApplication.createFrom(db, corpus(), classes);
            Schema printed = db.introspectRaw(IntrospectionScope.of("public"));
            int agreed = 0;
            List<String> disagreed = new ArrayList<>();
            List<String[]> pairs = pairs(model.schema(), printed);
            for (String[] pair : pairs) {
                if (Objects.equals(SqlExpressions.canonical(pair[0]), SqlExpressions.canonical(pair[1]))) {
                    agreed++;
                } else {
                    disagreed.add(pair[0] + "  vs  " + pair[1]);
                }
            }
            System.out.println("parser agrees with PostgreSQL on " + agreed + " of " + pairs.size() + " expressions");
            disagreed.forEach(d -> System.out.println("  differs: " + d));
            assertThat(pairs).hasSizeGreaterThanOrEqualTo(40);
        }
    }

    /** Hibernate's text beside PostgreSQL's, for every expression of the corpus tables. */
    private static List<String[]> pairs(Schema written, Schema printed) {
        List<String[]> pairs = new ArrayList<>();
        for (Table table : written.tables()) {
            Table stored = printed.table(table.name()).orElseThrow();
            for (Column column : table.columns()) {
                Column other = stored.column(column.name()).orElseThrow();
                if (column.defaultValue() != null) {
                    pairs.add(new String[] {column.defaultValue(), other.defaultValue()});
                }
                if (column.generatedAs() != null) {
                    pairs.add(new String[] {column.generatedAs(), other.generatedAs()});
                }
            }
            for (int i = 0; i < table.checks().size() && i < stored.checks().size(); i++) {
                CheckConstraint check = table.checks().get(i);
                pairs.add(
                        new String[] {check.expression(), stored.checks().get(i).expression()});
            }
            for (Index index : table.indexes()) {
                stored.indexes().stream()
                        .filter(i -> i.name().equals(index.name()))
                        .findFirst()
                        .ifPresent(other -> {
                            if (index.predicate() != null) {
                                pairs.add(new String[] {index.predicate(), other.predicate()});
                            }
                        });
            }
        }
        return pairs;
    }

    private Autogen autogen(TestDatabase db, String name) {
        return TestProjects.autogen(work.resolve(name), db, corpus());
    }
}
