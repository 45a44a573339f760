package dev.autogen.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * The sources of an entity model drawn at random from a seed: ids of every kind (identity, sequences of
 * their own, assigned, an id class, an embedded id), versions, basic types with lengths, precisions,
 * nullability, uniqueness, defaults, checks and comments, arrays, JSON and PostgreSQL enums, indexes and
 * unique constraints, tables in another schema and under quoted names, many-to-one (with named keys and
 * delete actions), one-to-one and many-to-many associations (to composite keys as well), element
 * collections, maps, embeddables and inheritance of every strategy. The same seed draws the same model.
 */
public final class RandomModel {

    private enum IdKind {
        IDENTITY,
        SEQUENCE,
        UUID,
        ASSIGNED,
        ID_CLASS,
        EMBEDDED_ID
    }

    private record Entity(String name, IdKind id) {
        boolean composite() {
            return id == IdKind.ID_CLASS || id == IdKind.EMBEDDED_ID;
        }
    }

    /** Comment text that would end a comment or a string in Java, written as Java source (a quote would end Hibernate's own SQL string: it does not escape one). */
    private static final String HOSTILE = "a \\\"quote\\\" */ -- /* \\\\n; drop table x; $$";

    /**
     * The same without its backslash: Hibernate writes a comment into MariaDB's DDL unescaped, where a
     * backslash starts an escape, so the text it stores is not the entity's (autogen escapes it).
     */
    private static final String HOSTILE_ON_MARIADB = "a \\\"quote\\\" */ -- /* n; drop table x; $$";

    private static final List<String> TYPES = List.of(
            "String",
            "Integer",
            "int",
            "Long",
            "long",
            "Short",
            "java.math.BigDecimal",
            "Boolean",
            "boolean",
            "Double",
            "Float",
            "java.time.LocalDate",
            "java.time.LocalTime",
            "java.time.LocalDateTime",
            "java.time.Instant",
            "java.time.OffsetDateTime",
            "java.util.UUID",
            "byte[]",
            "Level",
            "Level",
            "java.time.Duration",
            "lob",
            "json",
            "int[]",
            "String[]",
            "named_enum");

    /** MariaDB's stand-ins for what only PostgreSQL has: arrays, named enum types. */
    private static final Map<String, String> ON_MARIADB =
            Map.of("int[]", "Integer", "String[]", "String", "named_enum", "Level");

    private final Random random;
    private final boolean mariaDb;
    private final Map<String, String> sources = new LinkedHashMap<>();
    private final List<Entity> entities = new ArrayList<>();

    private RandomModel(long seed, boolean mariaDb) {
        this.random = new Random(seed);
        this.mariaDb = mariaDb;
    }

    /** File name to source (without package and imports). */
    public static Map<String, String> sources(long seed) {
        RandomModel model = new RandomModel(seed, false);
        model.draw();
        return model.sources;
    }

    /**
     * The same model, drawn alike, with what MariaDB has in place of PostgreSQL's own (arrays, named enum
     * types, serial columns): a plain column of the nearest kind.
     */
    public static Map<String, String> mariaDbSources(long seed) {
        RandomModel model = new RandomModel(seed, true);
        model.draw();
        return model.sources;
    }

    private void draw() {
        sources.put("Level.java", "public enum Level { LOW, MIDDLE, HIGH, TOP }\n");
        sources.put("Address.java", """
                @Embeddable
                public class Address {
                    @Column(length = 80) String street;
                    String city;
                    @Column(name = "zip_code", length = 10) String zip;
                }
                """);
        int count = 6 + random.nextInt(6);
        for (int i = 0; i < count; i++) {
            entity("E" + i);
        }
    }

    private void entity(String name) {
        IdKind id = pick(IdKind.values());
        boolean inheritance = id != IdKind.EMBEDDED_ID && id != IdKind.ID_CLASS && random.nextInt(4) == 0;
        String strategy = inheritance ? pick("SINGLE_TABLE", "JOINED", "TABLE_PER_CLASS") : null;
        if ("TABLE_PER_CLASS".equals(strategy) && id == IdKind.IDENTITY) {
            id = IdKind.SEQUENCE;
        }
        StringBuilder body = new StringBuilder();
        List<String> columns = new ArrayList<>();
        idFields(name, id, body);
        int fields = 2 + random.nextInt(7);
        for (int f = 0; f < fields; f++) {
            basic(name, f, body, columns);
        }
        associations(name, body);
        if (random.nextInt(4) == 0) {
            body.append("    @Embedded Address address;\n");
        }
        if (random.nextInt(4) == 0) {
            body.append("    @ElementCollection @CollectionTable(name = \"")
                    .append(lower(name))
                    .append("_tags\") @Column(length = 30) java.util.Set<String> tags;\n");
        }
        if (random.nextInt(5) == 0) {
            body.append("    @ElementCollection @OrderColumn java.util.List<Integer> scores;\n");
        }
        if (random.nextInt(6) == 0) {
            body.append("    @ElementCollection @MapKeyColumn(name = \"label\") @Column(name = \"val\", length = 40)"
                    + " java.util.Map<String, String> labels;\n");
        }
        if (random.nextInt(6) == 0) {
            body.append("    @Version ")
                    .append(pick("Integer", "Long", "java.time.Instant"))
                    .append(" version;\n");
        }
        StringBuilder head = new StringBuilder("@Entity\n");
        if (id == IdKind.ID_CLASS) {
            head.append("@IdClass(").append(name).append("Pk.class)\n");
        }
        if (random.nextInt(6) == 0) {
            head.append("@Comment(\"").append(hostile()).append("\")\n");
        }
        head.append(table(name, columns));
        if (strategy != null) {
            head.append("@Inheritance(strategy = InheritanceType.")
                    .append(strategy)
                    .append(")\n");
        }
        sources.put(name + ".java", head + "public class " + name + " {\n" + body + "}\n");
        if (strategy != null) {
            for (int s = 0; s < 1 + random.nextInt(2); s++) {
                String sub = name + "Sub" + s;
                StringBuilder subBody = new StringBuilder();
                basic(sub, 0, subBody, new ArrayList<>());
                sources.put(
                        sub + ".java", "@Entity\npublic class " + sub + " extends " + name + " {\n" + subBody + "}\n");
            }
        }
        entities.add(new Entity(name, id));
    }

    private void idFields(String name, IdKind id, StringBuilder body) {
        String lower = lower(name);
        switch (id) {
            case IDENTITY -> body.append("    @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;\n");
            case SEQUENCE ->
                body.append(
                        random.nextBoolean()
                                ? "    @Id @GeneratedValue(strategy = GenerationType.SEQUENCE) Long id;\n"
                                : "    @Id @GeneratedValue(generator = \"gen_%1$s\") @SequenceGenerator(name = \"gen_%1$s\", sequenceName = \"seq_%1$s\", initialValue = %2$d, allocationSize = %3$d) Long id;\n"
                                        .formatted(lower, 1 + random.nextInt(1000), 1 + random.nextInt(60)));
            case UUID -> body.append("    @Id @GeneratedValue(strategy = GenerationType.UUID) java.util.UUID id;\n");
            case ASSIGNED -> body.append("    @Id @Column(length = 40) String id;\n");
            case ID_CLASS -> {
                body.append("    @Id @Column(length = 20) String code;\n    @Id Integer seq;\n");
                sources.put(name + "Pk.java", """
                        public class %1$sPk implements java.io.Serializable {
                            String code;
                            Integer seq;

                            @Override
                            public boolean equals(Object o) {
                                return o instanceof %1$sPk p && java.util.Objects.equals(code, p.code) && java.util.Objects.equals(seq, p.seq);
                            }

                            @Override
                            public int hashCode() {
                                return java.util.Objects.hash(code, seq);
                            }
                        }
                        """.formatted(name));
            }
            case EMBEDDED_ID -> {
                body.append("    @EmbeddedId ").append(name).append("Key key;\n");
                sources.put(name + "Key.java", """
                        @Embeddable
                        public class %1$sKey implements java.io.Serializable {
                            @Column(length = 12) String region;
                            Long number;
                            java.time.LocalDate day;

                            @Override
                            public boolean equals(Object o) {
                                return o instanceof %1$sKey k && java.util.Objects.equals(region, k.region)
                                        && java.util.Objects.equals(number, k.number) && java.util.Objects.equals(day, k.day);
                            }

                            @Override
                            public int hashCode() {
                                return java.util.Objects.hash(region, number, day);
                            }
                        }
                        """.formatted(name));
            }
        }
    }

    private void basic(String entity, int index, StringBuilder body, List<String> columns) {
        String field = "f" + index + "_" + lower(entity);
        String column = "c" + index + "_" + lower(entity);
        String drawn = TYPES.get(random.nextInt(TYPES.size()));
        String type = mariaDb ? ON_MARIADB.getOrDefault(drawn, drawn) : drawn;
        List<String> annotations = new ArrayList<>();
        List<String> attributes = new ArrayList<>();
        boolean named = random.nextBoolean();
        if (named) {
            attributes.add("name = \"" + column + "\"");
        }
        if (!List.of("int", "long", "boolean").contains(type) && random.nextInt(3) == 0) {
            attributes.add("nullable = false");
        }
        String javaType = type;
        boolean definedHere = false;
        switch (type) {
            case "String" -> {
                definedHere = named && random.nextInt(5) == 0;
                if (definedHere) {
                    // Text the entity gives, which must reach the database as written: case, quotes, blanks.
                    attributes.add("columnDefinition = \"varchar(" + (20 + random.nextInt(30)) + ") default '"
                            + verbatim() + "'\"");
                    annotations.add("@Check(constraints = \"" + column + " <> '" + verbatim() + "'\")");
                } else {
                    attributes.add("length = " + (5 + random.nextInt(300)));
                }
            }
            case "Integer", "Long" -> {
                definedHere = random.nextInt(8) == 0 && !mariaDb;
                if (definedHere) {
                    // A serial pseudo-type: the database makes the column not null, with a sequence it owns.
                    attributes.add("columnDefinition = \"" + (type.equals("Integer") ? "serial" : "bigserial") + "\"");
                }
            }
            case "java.math.BigDecimal" -> {
                int precision = 5 + random.nextInt(14);
                attributes.add("precision = " + precision + ", scale = " + random.nextInt(Math.min(precision, 5)));
            }
            case "Level" -> annotations.add("@Enumerated(EnumType." + pick("STRING", "ORDINAL") + ")");
            case "lob" -> {
                annotations.add("@Lob");
                javaType = "String";
            }
            case "json" -> {
                annotations.add("@JdbcTypeCode(SqlTypes.JSON)");
                javaType = "String";
            }
            case "named_enum" -> {
                annotations.add("@JdbcTypeCode(SqlTypes.NAMED_ENUM)");
                javaType = "Level";
            }
            default -> {}
        }
        boolean comparable =
                !List.of("lob", "json", "byte[]", "int[]", "String[]").contains(type);
        if (comparable && random.nextInt(10) == 0) {
            attributes.add("unique = true");
        }
        String value = mariaDb && type.equals("java.util.UUID") ? "uuid()" : defaultFor(type);
        if (value != null && !definedHere && random.nextInt(6) == 0) {
            annotations.add("@ColumnDefault(\"" + value + "\")");
        }
        if (named && isNumber(type) && random.nextInt(6) == 0) {
            annotations.add("@Check(constraints = \"" + column + " >= 0\")");
        }
        if (random.nextInt(8) == 0) {
            annotations.add("@Comment(\"" + hostile() + "\")");
        }
        if (!attributes.isEmpty()) {
            annotations.add("@Column(" + String.join(", ", attributes) + ")");
        }
        body.append("    ")
                .append(annotations.isEmpty() ? "" : String.join(" ", annotations) + " ")
                .append(javaType)
                .append(' ')
                .append(field)
                .append(";\n");
        if (named && comparable) {
            columns.add(column);
        }
    }

    private void associations(String name, StringBuilder body) {
        if (entities.isEmpty()) {
            return;
        }
        int links = random.nextInt(3);
        for (int l = 0; l < links; l++) {
            Entity target = entities.get(random.nextInt(entities.size()));
            String field = "to" + l + "_" + lower(target.name());
            switch (random.nextInt(4)) {
                case 0, 1 -> {
                    body.append("    @ManyToOne").append(random.nextBoolean() ? "(optional = false)" : "");
                    if (!target.composite() && random.nextInt(3) == 0) {
                        body.append(
                                " @JoinColumn(name = \"%1$s_ref\", foreignKey = @ForeignKey(name = \"fk_%2$s_%1$s\"))"
                                        .formatted(field, lower(name)));
                        if (random.nextBoolean()) {
                            body.append(" @OnDelete(action = OnDeleteAction.")
                                    .append(pick("CASCADE", "SET_NULL", "RESTRICT"))
                                    .append(')');
                        }
                    }
                    body.append(' ')
                            .append(target.name())
                            .append(' ')
                            .append(field)
                            .append(";\n");
                }
                case 2 ->
                    body.append("    @OneToOne ")
                            .append(target.name())
                            .append(' ')
                            .append(field)
                            .append(";\n");
                default ->
                    body.append(
                                    random.nextBoolean()
                                            ? "    @ManyToMany java.util.Set<"
                                            : "    @ManyToMany @OrderColumn java.util.List<")
                            .append(target.name())
                            .append("> ")
                            .append(field)
                            .append(";\n");
            }
        }
    }

    private String table(String name, List<String> columns) {
        List<String> parts = new ArrayList<>();
        if (!columns.isEmpty() && random.nextInt(3) == 0) {
            String first = columns.get(random.nextInt(columns.size()));
            String key = random.nextBoolean() ? first : first + " desc";
            parts.add("indexes = @Index(name = \"ix_" + lower(name) + "\", columnList = \"" + key + "\")");
        }
        if (columns.size() >= 2 && random.nextInt(4) == 0) {
            parts.add("uniqueConstraints = @UniqueConstraint(columnNames = {\"" + columns.get(0) + "\", \""
                    + columns.get(1) + "\"})");
        }
        if (random.nextInt(6) == 0) {
            parts.add("schema = \"sales\"");
        }
        switch (random.nextInt(8)) {
            case 0 -> parts.add("name = \"t_" + lower(name) + "\"");
            case 1 -> parts.add("name = \"\\\"" + name + "Quoted\\\"\"");
            default -> {}
        }
        return parts.isEmpty() ? "" : "@Table(" + String.join(", ", parts) + ")\n";
    }

    private String hostile() {
        return mariaDb ? HOSTILE_ON_MARIADB : HOSTILE;
    }

    private static String defaultFor(String type) {
        return switch (type) {
            case "String" -> "'none'";
            case "Integer", "int", "Long", "long", "Short" -> "0";
            case "java.math.BigDecimal", "Double", "Float" -> "1.5";
            case "Boolean", "boolean" -> "false";
            case "java.time.LocalDate" -> "current_date";
            case "java.time.LocalDateTime", "java.time.Instant", "java.time.OffsetDateTime" -> "current_timestamp";
            case "java.util.UUID" -> "gen_random_uuid()";
            default -> null;
        };
    }

    private static boolean isNumber(String type) {
        return List.of("Integer", "int", "Long", "long", "Short", "java.math.BigDecimal", "Double", "Float")
                .contains(type);
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /**
     * An SQL string literal's content in mixed case, with a doubled quote, runs of blanks and a double
     * quote, written as Java source.
     */
    private String verbatim() {
        String letters = "aBcDeFxYz";
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 3 + random.nextInt(6); i++) {
            text.append(letters.charAt(random.nextInt(letters.length())));
        }
        text.append(pick("''s", "  Two  Blanks", "\\\"Q\\\"", "TAIL"));
        return text.toString();
    }

    @SafeVarargs
    private <T> T pick(T... choices) {
        return choices[random.nextInt(choices.length)];
    }
}
