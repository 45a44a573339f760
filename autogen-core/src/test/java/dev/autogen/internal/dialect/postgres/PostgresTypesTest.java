package dev.autogen.internal.dialect.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PostgresTypesTest {

    /** Left: a spelling Hibernate or a person uses. Right: what format_type prints. */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "varchar(255)                  | character varying(255)",
                "VARCHAR                       | character varying",
                "char(2)                       | character(2)",
                "char                          | character(1)",
                "float(53)                     | double precision",
                "float(24)                     | real",
                "float8                        | double precision",
                "int                           | integer",
                "int8                          | bigint",
                "bool                          | boolean",
                "decimal(10, 2)                | numeric(10,2)",
                "numeric(21)                   | numeric(21,0)",
                "timestamp(6)                  | timestamp(6) without time zone",
                "timestamp                     | timestamp without time zone",
                "timestamptz                   | timestamp with time zone",
                "timestamp(6) with time zone   | timestamp(6) with time zone",
                "time(3)                       | time(3) without time zone",
                "Mood                          | mood",
                "varchar(255) array            | character varying(255)[]",
                "int4[]                        | integer[]",
                "jsonb                         | jsonb",
                "\"Mixed\"                     | \"Mixed\"",
            })
    void spellsTypesAsFormatTypeDoes(String written, String canonical) {
        assertThat(PostgresTypes.canonical(written)).isEqualTo(canonical);
    }
}
