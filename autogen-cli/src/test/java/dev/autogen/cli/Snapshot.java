package dev.autogen.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/** What a failed command must not have changed: the project's files and the database's catalog. */
final class Snapshot {

    private Snapshot() {}

    /** Every file below {@code directory} with a hash of its content, except autogen's own caches. */
    static List<String> files(Path directory) {
        try (Stream<Path> walk = Files.walk(directory)) {
            List<String> files = new ArrayList<>();
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                String relative = directory.relativize(file).toString();
                if (!relative.startsWith(".autogen")) {
                    files.add(relative + " "
                            + HexFormat.of()
                                    .formatHex(
                                            MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file))));
                }
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every relation, column and version row in the database. */
    static List<String> database(Connection connection) {
        List<String> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery(
                    "select table_schema || '.' || table_name || '.' || column_name || ' ' || data_type"
                            + " from information_schema.columns where table_schema not in ('pg_catalog', 'information_schema') order by 1")) {
                while (rs.next()) {
                    rows.add(rs.getString(1));
                }
            }
            try (ResultSet exists =
                    statement.executeQuery("select to_regclass('public.autogen_version') is not null")) {
                exists.next();
                if (exists.getBoolean(1)) {
                    try (ResultSet rs = statement.executeQuery(
                            "select 'version ' || version_num from public.autogen_version order by 1")) {
                        while (rs.next()) {
                            rows.add(rs.getString(1));
                        }
                    }
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
