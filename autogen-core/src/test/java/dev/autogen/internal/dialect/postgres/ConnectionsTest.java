package dev.autogen.internal.dialect.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autogen.api.AutogenException;
import dev.autogen.api.ConnectionSettings;
import dev.autogen.api.ErrorCode;
import dev.autogen.testing.TestDatabase;
import java.net.ServerSocket;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("database")
class ConnectionsTest {

    @Test
    void saysWhenNothingListensAtTheUrl() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        ConnectionSettings settings =
                new ConnectionSettings("jdbc:postgresql://127.0.0.1:" + closedPort + "/app", "app", "s3cret");
        assertThatThrownBy(() -> Connections.open(settings))
                .isInstanceOf(AutogenException.class)
                .hasMessageContaining("cannot reach the database at jdbc:postgresql://127.0.0.1:" + closedPort + "/app")
                .hasMessageContaining("check that PostgreSQL is running")
                .hasMessageNotContaining("s3cret")
                .extracting(e -> ((AutogenException) e).code())
                .isEqualTo(ErrorCode.DATABASE_UNREACHABLE);
    }

    @Test
    void saysWhenTheServerRefusesThePassword() throws Exception {
        try (TestDatabase db = TestDatabase.create()) {
            String role = db.name() + "_app";
            db.execute("create role " + role + " login password 'right-one'");
            try {
                ConnectionSettings right = new ConnectionSettings(db.settings().url(), role, "right-one");
                try (var connection = Connections.open(right)) {
                    assertThat(connection.isValid(1)).isTrue();
                }
                ConnectionSettings wrong = new ConnectionSettings(db.settings().url(), role, "s3cret");
                assertThatThrownBy(() -> Connections.open(wrong))
                        .isInstanceOf(AutogenException.class)
                        .hasMessageContaining("refused user '" + role + "'")
                        .hasMessageContaining("check user and password")
                        .hasMessageNotContaining("s3cret")
                        .extracting(e -> ((AutogenException) e).code())
                        .isEqualTo(ErrorCode.AUTHENTICATION_FAILED);
            } finally {
                db.execute("drop role " + role);
            }
        }
    }

    @Test
    void saysWhenTheDatabaseDoesNotExist() {
        try (TestDatabase db = TestDatabase.create()) {
            String url = db.settings().url().replace(db.name(), "no_such_database");
            assertThatThrownBy(() -> Connections.open(
                            new ConnectionSettings(url, db.settings().user(), null)))
                    .hasMessageContaining("does not exist")
                    .extracting(e -> ((AutogenException) e).code())
                    .isEqualTo(ErrorCode.DATABASE_MISSING);
        }
    }

    @Test
    void refusesAUrlThatIsNotPostgres() {
        assertThatThrownBy(() -> Connections.open(new ConnectionSettings("jdbc:mysql://db/app", "u", null)))
                .hasMessageContaining("is not a PostgreSQL JDBC URL");
    }

    @Test
    void hidesPasswordsCarriedInTheUrl() {
        ConnectionSettings settings = new ConnectionSettings(
                "jdbc:postgresql://db:5432/app?user=app&password=s3cret&ssl=true", "app", "other");
        assertThat(settings.safeUrl()).isEqualTo("jdbc:postgresql://db:5432/app?user=app&password=***&ssl=true");
        assertThat(settings.toString()).doesNotContain("s3cret").doesNotContain("other");
    }
}
