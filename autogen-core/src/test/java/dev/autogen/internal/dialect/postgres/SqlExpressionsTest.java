package dev.autogen.internal.dialect.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SqlExpressionsTest {

    /** Left: what Hibernate writes. Right: what PostgreSQL prints back for it. */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "status in ('A','B')                 | ((status)::text = ANY ((ARRAY['A'::character varying, 'B'::character varying])::text[]))",
                "tier between 0 and 2                | ((tier >= 0) AND (tier <= 2))",
                "pos>=0                              | (pos >= 0)",
                "price >= 0                          | (price >= (0)::numeric)",
                "'N/A'                               | 'N/A'::character varying",
                "-1                                  | '-1'::integer",
                "0                                   | (0)::numeric",
                "now()                               | now()",
                "current_date                        | CURRENT_DATE",
                "kind <> 'M' or (flag is not null)   | (((kind)::text <> 'M'::text) OR (flag IS NOT NULL))",
                "a not in ('X')                      | ((a)::text <> ALL ((ARRAY['X'::character varying])::text[]))",
                "lower(email)                        | lower((email)::text)",
                "\"Mixed\" > 1 and \"from\" is null   | ((\"Mixed\" > 1) AND (\"from\" IS NULL))",
            })
    void hibernateTextAndPostgresRewriteCanonicaliseAlike(String written, String printed) {
        assertThat(SqlExpressions.canonical(printed)).isEqualTo(SqlExpressions.canonical(written));
    }

    @Test
    void keepsTheParenthesesThatCarryMeaning() {
        assertThat(SqlExpressions.canonical("(a or b) and c")).isEqualTo("(a or b) and c");
        assertThat(SqlExpressions.canonical("a or b and c")).isEqualTo("a or b and c");
        assertThat(SqlExpressions.canonical("(a - b) - c")).isEqualTo("a - b - c");
        assertThat(SqlExpressions.canonical("a - (b - c)")).isEqualTo("a - (b - c)");
        assertThat(SqlExpressions.canonical("(a + b) * c")).isEqualTo("(a + b) * c");
    }

    @Test
    void keepsCastsToOtherTypesAndKeywordsBare() {
        assertThat(SqlExpressions.canonical("(created)::date")).isEqualTo("created::date");
        assertThat(SqlExpressions.canonical("CURRENT_TIMESTAMP")).isEqualTo("current_timestamp");
        assertThat(SqlExpressions.canonical("\"simple\"")).isEqualTo("simple");
        assertThat(SqlExpressions.canonical("\"order\"")).isEqualTo("\"order\"");
    }

    @Test
    void distinguishesDifferentLiteralSets() {
        assertThat(SqlExpressions.canonical("status in ('A','B','C')"))
                .isNotEqualTo(SqlExpressions.canonical("status in ('A','B')"));
    }

    @Test
    void leavesUnknownSyntaxLowerCasedOutsideQuotes() {
        assertThat(SqlExpressions.canonical("CASE WHEN a THEN 'X' ELSE 'y' END"))
                .isEqualTo("case when a then 'X' else 'y' end");
        assertThat(SqlExpressions.canonical(null)).isNull();
    }

    @Test
    void readsTheOperandsOfAndAndOrInAnyOrder() {
        assertThat(SqlExpressions.comparable("(stars<=10) and (stars>=1)"))
                .isEqualTo(SqlExpressions.comparable("((stars >= 1) AND (stars <= 10))"));
        assertThat(SqlExpressions.canonical("b and a"))
                .as("kept as written where it is printed")
                .isEqualTo("b and a");
        assertThat(SqlExpressions.comparable("c or (b and a)")).isEqualTo(SqlExpressions.comparable("(a and b) or c"));
        assertThat(SqlExpressions.comparable("a and b or c")).isNotEqualTo(SqlExpressions.comparable("a and (b or c)"));
        assertThat(SqlExpressions.comparable("a - b and c")).isNotEqualTo(SqlExpressions.comparable("b - a and c"));
    }
}
