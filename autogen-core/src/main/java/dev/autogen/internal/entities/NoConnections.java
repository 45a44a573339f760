package dev.autogen.internal.entities;

import java.sql.Connection;
import java.sql.SQLException;
import org.hibernate.engine.jdbc.connections.spi.ConnectionProvider;

/**
 * The connections of a Hibernate that reads entities: none. Whatever connection settings the application
 * passes along, booting its SessionFactory here must not reach a database.
 */
final class NoConnections implements ConnectionProvider {

    @Override
    public Connection getConnection() throws SQLException {
        throw new SQLException("autogen reads the entities without a database connection");
    }

    @Override
    public void closeConnection(Connection connection) {}

    @Override
    public boolean supportsAggressiveRelease() {
        return false;
    }

    @Override
    public boolean isUnwrappableAs(Class<?> type) {
        return false;
    }

    @Override
    public <T> T unwrap(Class<T> type) {
        throw new IllegalArgumentException("no connections to unwrap as " + type.getName());
    }
}
