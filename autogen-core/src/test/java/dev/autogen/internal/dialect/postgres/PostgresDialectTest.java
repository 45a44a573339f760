package dev.autogen.internal.dialect.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the dialect reads in a statement, with no database. */
class PostgresDialectTest {

    private final PostgresDialect dialect = PostgresDialect.INSTANCE;

    @Test
    void tellsTransactionControlFromWordsInsideStringsBodiesAndComments() {
        assertThat(dialect.controlsTransaction("commit")).isTrue();
        assertThat(dialect.controlsTransaction("update t set a = 1; COMMIT")).isTrue();
        assertThat(dialect.controlsTransaction("BEGIN; update t set a = 1")).isTrue();
        assertThat(dialect.controlsTransaction("savepoint s1")).isTrue();
        assertThat(dialect.controlsTransaction("update t set note = 'commit; begin'"))
                .isFalse();
        assertThat(dialect.controlsTransaction("do $$ begin perform 1; end $$")).isFalse();
        assertThat(
                        dialect.controlsTransaction(
                                "create function f() returns void as $body$ begin insert into t values (1); end; $body$ language plpgsql"))
                .isFalse();
        assertThat(dialect.controlsTransaction("select 1 -- then commit\n")).isFalse();
        assertThat(dialect.controlsTransaction("update \"commit\" set a = 1")).isFalse();
    }

    @Test
    void knowsWhatRunsOutsideATransaction() {
        assertThat(dialect.runsOutsideTransaction("create index concurrently ix on t (a)"))
                .isTrue();
        assertThat(dialect.runsOutsideTransaction("CREATE UNIQUE INDEX CONCURRENTLY ix ON t (a)"))
                .isTrue();
        assertThat(dialect.runsOutsideTransaction("drop index concurrently ix")).isTrue();
        assertThat(dialect.runsOutsideTransaction("create index ix on t (a)")).isFalse();
    }
}
