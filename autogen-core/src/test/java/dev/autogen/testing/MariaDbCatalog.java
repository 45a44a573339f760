package dev.autogen.testing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A MariaDB database described as MariaDB itself prints it: {@code show create table} of every table and
 * {@code show create sequence} of every sequence, autogen's own tables aside. Two databases with equal
 * descriptions have the same schema, column order, names, engine and character set included.
 */
public final class MariaDbCatalog {

    private MariaDbCatalog() {}

    private static final Pattern CHECK = Pattern.compile("(.*CHECK \\()(.*)(\\).*)");

    /**
     * A check's {@code and}ed conditions in one order: Hibernate writes a column's Bean Validation checks in
     * no fixed order from one boot to the next, and MariaDB keeps the order it is given.
     */
    private static String checkInOneOrder(String line) {
        Matcher m = CHECK.matcher(line);
        if (!m.matches() || m.group(2).contains("(") || m.group(2).contains(" between ")) {
            return line;
        }
        return m.group(1)
                + Arrays.stream(m.group(2).split(" and ")).sorted().collect(Collectors.joining(" and "))
                + m.group(3);
    }

    /**
     * The same with each table's columns and indexes in name order: one added by a migration comes last,
     * where Hibernate's create puts it among the others.
     */
    public static List<String> withColumnsByName(TestMariaDb db) {
        return of(db).stream().map(MariaDbCatalog::columnsByName).toList();
    }

    private static String columnsByName(String definition) {
        List<String> lines = new ArrayList<>(definition.lines().toList());
        sortAmong(lines, "  `");
        sortAmong(lines, "  KEY `");
        return String.join("\n", lines);
    }

    /** The lines that start with {@code start}, sorted among the places they hold. */
    private static void sortAmong(List<String> lines, String start) {
        List<Integer> places = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(start)) {
                places.add(i);
            }
        }
        List<String> sorted = places.stream().map(lines::get).sorted().toList();
        for (int i = 0; i < places.size(); i++) {
            lines.set(places.get(i), sorted.get(i));
        }
    }

    public static List<String> of(TestMariaDb db) {
        List<String> lines = new ArrayList<>();
        for (String row : db.query("select table_name, table_type from information_schema.tables where table_schema = '"
                + db.name() + "' and table_name not like 'autogen\\_version%' order by table_name")) {
            String[] parts = row.split("\\|");
            String kind = parts[1].equals("SEQUENCE") ? "sequence" : "table";
            String shown =
                    db.query("show create " + kind + " `" + parts[0] + "`").get(0);
            String definition = shown.substring(shown.indexOf('|') + 1).replaceAll(" AUTO_INCREMENT=\\d+", "");
            lines.add(definition.lines().map(MariaDbCatalog::checkInOneOrder).collect(Collectors.joining("\n")));
        }
        return lines;
    }
}
