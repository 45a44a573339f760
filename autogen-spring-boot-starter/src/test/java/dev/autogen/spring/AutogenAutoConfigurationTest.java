package dev.autogen.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autogen.spring.app.ShopApplication;
import dev.autogen.spring.drifted.DriftedApplication;
import dev.autogen.spring.naming.NamingApplication;
import dev.autogen.spring.replicas.ReplicaApplication;
import dev.autogen.testing.TestDatabase;
import dev.autogen.testing.TestMariaDb;
import jakarta.persistence.EntityManagerFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Real Spring Boot applications on a real PostgreSQL: migrated at start-up before JPA (whose schema
 * validation would fail otherwise); the start-up check refuses a database the entities differ from;
 * Spring's naming settings are the ones compared; the off switch.
 */
@Tag("database")
class AutogenAutoConfigurationTest {

    @Test
    void theApplicationIsMigratedBeforeJpaStarts() {
        try (TestDatabase db = TestDatabase.create();
                ConfigurableApplicationContext context = start(
                        ShopApplication.class,
                        db,
                        "autogen.migrations-package=dev.autogen.spring.app.migrations",
                        "autogen.check-on-startup=true",
                        "spring.jpa.hibernate.ddl-auto=validate")) {
            assertThat(db.query("select version_num from autogen_version")).containsExactly("a001");
            EntityManagerFactory jpa = context.getBean(EntityManagerFactory.class);
            var em = jpa.createEntityManager();
            assertThat(em.createQuery("select count(c) from Customer c").getSingleResult())
                    .isEqualTo(0L);
            em.close();
        }
    }

    @Test
    void threeReplicasStartingTogetherOverLockSafeFormsAllStartAndApplyEachMigrationOnce() throws Exception {
        // Replicas are separate JVMs; three contexts in this one would race to set up its one logging
        // system (Spring Boot's is not made for that), so they start without one.
        String logging = System.setProperty(LoggingSystem.SYSTEM_PROPERTY, LoggingSystem.NONE);
        try (TestDatabase db = TestDatabase.create()) {
            CountDownLatch ready = new CountDownLatch(3);
            List<CompletableFuture<ConfigurableApplicationContext>> replicas = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                replicas.add(CompletableFuture.supplyAsync(
                        () -> {
                            ready.countDown();
                            try {
                                ready.await();
                            } catch (InterruptedException e) {
                                throw new IllegalStateException(e);
                            }
                            return start(
                                    ReplicaApplication.class,
                                    db,
                                    "autogen.migrations-package=dev.autogen.spring.replicas.migrations",
                                    "spring.jpa.hibernate.ddl-auto=validate");
                        },
                        Executors.newSingleThreadExecutor()));
            }
            for (CompletableFuture<ConfigurableApplicationContext> replica : replicas) {
                replica.get(180, TimeUnit.SECONDS).close();
            }
            assertThat(db.query("select revision || ' ' || direction from autogen_version_history order by id"))
                    .containsExactly("b001 upgrade", "b002 upgrade");
            assertThat(db.query("select version_num from autogen_version")).containsExactly("b002");
            assertThat(db.query("select indexrelid::regclass::text from pg_index where indrelid = 'item'::regclass"
                            + " and indisvalid order by 1"))
                    .containsExactlyInAnyOrder("ix_item_qty", "item_pkey", "uk_item_code");
        } finally {
            if (logging == null) {
                System.clearProperty(LoggingSystem.SYSTEM_PROPERTY);
            } else {
                System.setProperty(LoggingSystem.SYSTEM_PROPERTY, logging);
            }
        }
    }

    @Test
    void theStartUpCheckRefusesADatabaseTheEntitiesDifferFrom() {
        try (TestDatabase db = TestDatabase.create()) {
            assertThatThrownBy(() -> start(
                                    DriftedApplication.class,
                                    db,
                                    "autogen.migrations-package=dev.autogen.spring.drifted.migrations",
                                    "autogen.check-on-startup=true")
                            .close())
                    .rootCause()
                    .hasMessageContaining("the entities and the database differ")
                    .hasMessageContaining("add column public.account.email");
        }
    }

    @Test
    void springsNamingSettingsAreTheOnesCompared() {
        try (TestDatabase db = TestDatabase.create();
                ConfigurableApplicationContext context = start(
                        NamingApplication.class,
                        db,
                        "autogen.migrations-package=dev.autogen.spring.naming.migrations",
                        "autogen.check-on-startup=true",
                        "spring.jpa.hibernate.naming.physical-strategy="
                                + "org.hibernate.boot.model.naming.PhysicalNamingStrategyStandardImpl",
                        "spring.jpa.hibernate.ddl-auto=validate")) {
            assertThat(db.query("select column_name from information_schema.columns where table_name = 'member'"
                            + " order by 1"))
                    .containsExactly("displayname", "id");
        }
    }

    @Test
    void everyTenantSchemaOfTheDataSourceIsMigratedAtStartUpAndARefusingOneStopsTheStart() {
        try (TestDatabase db = TestDatabase.create()) {
            db.execute(
                    "create schema tenant_a",
                    "create schema tenant_b",
                    "create schema tenant_c",
                    "create schema other");
            try (ConfigurableApplicationContext context = start(
                    ShopApplication.class,
                    db,
                    "autogen.migrations-package=dev.autogen.spring.app.migrations",
                    "autogen.targets.schemas=tenant_*",
                    "autogen.targets.parallel=2",
                    "autogen.check-on-startup=true",
                    "spring.jpa.hibernate.ddl-auto=none")) {
                assertThat(db.query("select table_schema from information_schema.tables where table_name = 'customer'"
                                + " order by 1"))
                        .containsExactly("tenant_a", "tenant_b", "tenant_c");
                assertThat(db.query("select version_num from tenant_b.autogen_version"))
                        .containsExactly("a001");
            }
            db.execute("create schema tenant_d", "create table tenant_d.customer (id bigint)");
            assertThatThrownBy(() -> start(
                            ShopApplication.class,
                            db,
                            "autogen.migrations-package=dev.autogen.spring.app.migrations",
                            "autogen.targets.schemas=tenant_*",
                            "spring.jpa.hibernate.ddl-auto=none"))
                    .rootCause()
                    .hasMessageContaining("left 1 of 4 targets unfinished: tenant_d failed:");
            assertThat(db.query("select column_name from information_schema.columns where table_schema = 'tenant_d'"
                            + " and table_name = 'customer'"))
                    .containsExactly("id");
            assertThat(db.query("select count(*) from tenant_d.autogen_version"))
                    .containsExactly("0");
        }
    }

    @Test
    @org.junit.jupiter.api.condition.EnabledIf("dev.autogen.testing.TestMariaDb#available")
    void anApplicationOnMariaDbIsMigratedInItsOwnDatabaseAndChecked() {
        try (TestMariaDb db = TestMariaDb.create();
                ConfigurableApplicationContext context = new SpringApplicationBuilder(ShopApplication.class)
                        .properties(
                                "spring.datasource.url=" + db.settings().url(),
                                "spring.main.banner-mode=off",
                                "logging.level.root=warn",
                                "autogen.migrations-package=dev.autogen.spring.app.migrations",
                                "autogen.check-on-startup=true",
                                "spring.jpa.hibernate.ddl-auto=validate")
                        .run()) {
            assertThat(db.query("select version_num from autogen_version")).containsExactly("a001");
            assertThat(db.query("select table_name from information_schema.tables where table_schema = '" + db.name()
                            + "' order by 1"))
                    .containsExactly("autogen_version", "autogen_version_history", "customer");
            var em = context.getBean(EntityManagerFactory.class).createEntityManager();
            assertThat(em.createQuery("select count(c) from Customer c").getSingleResult())
                    .isEqualTo(0L);
            em.close();
        }
    }

    @Test
    void autogenEnabledFalseLeavesTheDatabaseAlone() {
        try (TestDatabase db = TestDatabase.create();
                ConfigurableApplicationContext context = start(
                        ShopApplication.class,
                        db,
                        "autogen.enabled=false",
                        "autogen.migrations-package=dev.autogen.spring.app.migrations",
                        "spring.jpa.hibernate.ddl-auto=none")) {
            assertThat(db.query("select count(*) from pg_tables where tablename in ('customer', 'autogen_version')"))
                    .containsExactly("0");
        }
    }

    private static ConfigurableApplicationContext start(Class<?> application, TestDatabase db, String... properties) {
        List<String> all = new ArrayList<>(List.of(
                "spring.datasource.url=" + db.settings().url(),
                "spring.datasource.username=" + db.settings().user(),
                "spring.main.banner-mode=off",
                "logging.level.root=warn"));
        if (db.settings().password() != null) {
            all.add("spring.datasource.password=" + db.settings().password());
        }
        all.addAll(List.of(properties));
        return new SpringApplicationBuilder(application)
                .properties(all.toArray(String[]::new))
                .run();
    }
}
