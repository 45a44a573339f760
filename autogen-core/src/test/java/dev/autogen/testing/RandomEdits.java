package dev.autogen.testing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A few edits drawn at random to a {@link RandomModel}, as a developer makes them between two revisions:
 * a field added or dropped, a length, precision or nullability changed, a number widened or narrowed, an
 * enum stored the other way, an association dropped. The edited model still compiles and maps.
 */
public final class RandomEdits {

    private static final Pattern FIELD = Pattern.compile("(?m)^    (.*) (f\\d+_\\w+);$");
    private static final Pattern TO_ONE = Pattern.compile("(?m)^    @(ManyToOne|OneToOne).*;\\n");
    private static final Pattern COLUMN = Pattern.compile("name = \"(c\\d+_\\w+)\"");
    private static final Pattern LENGTH = Pattern.compile("length = (\\d+)");
    private static final Pattern PRECISION = Pattern.compile("precision = (\\d+)");

    private final Random random;
    private final Map<String, String> sources;

    private RandomEdits(long seed, Map<String, String> sources) {
        this.random = new Random(seed);
        this.sources = new LinkedHashMap<>(sources);
    }

    /**
     * {@code sources} with one to three edits drawn from {@code seed}, and a field added: an edit drawn may
     * find nothing to change, and a model with no change has no migration to test.
     */
    public static Map<String, String> of(Map<String, String> sources, long seed) {
        RandomEdits edits = new RandomEdits(seed, sources);
        int count = 1 + edits.random.nextInt(3);
        for (int i = 0; i < count; i++) {
            edits.one(i, edits.random.nextInt(8));
        }
        edits.one(count, 0);
        return edits.sources;
    }

    private void one(int index, int kind) {
        List<String> entities = sources.entrySet().stream()
                .filter(e -> e.getValue().startsWith("@Entity") || e.getValue().contains("\n@Entity"))
                .map(Map.Entry::getKey)
                .toList();
        String file = entities.get(random.nextInt(entities.size()));
        String source = sources.get(file);
        String edited = switch (kind) {
            case 0 -> addField(source, index);
            case 1 -> dropField(source);
            case 2 -> replaceNumber(source, LENGTH, "length = ", 1 + random.nextInt(400));
            case 3 -> replaceNumber(source, PRECISION, "precision = ", 18 + random.nextInt(10));
            case 4 -> toggleNotNull(source);
            case 5 -> swap(source, " Integer f", " Long f", " Long f", " Integer f");
            case 6 -> swap(source, "EnumType.STRING", "EnumType.ORDINAL", "EnumType.ORDINAL", "EnumType.STRING");
            default -> dropToOne(source);
        };
        sources.put(file, edited);
    }

    private String addField(String source, int index) {
        int end = source.lastIndexOf('}');
        String field = random.nextBoolean()
                ? "    @Column(length = 64) String added" + index + ";\n"
                : "    Integer added" + index + ";\n";
        return source.substring(0, end) + field + source.substring(end);
    }

    /** A basic field whose column nothing else in the file names. */
    private String dropField(String source) {
        List<MatchResult> candidates = FIELD.matcher(source)
                .results()
                .filter(field -> {
                    Matcher column = COLUMN.matcher(field.group(1));
                    return !column.find() || source.indexOf(column.group(1)) == source.lastIndexOf(column.group(1));
                })
                .toList();
        if (candidates.isEmpty()) {
            return source;
        }
        MatchResult chosen = candidates.get(random.nextInt(candidates.size()));
        return source.substring(0, chosen.start()) + source.substring(chosen.end() + 1);
    }

    private String replaceNumber(String source, Pattern pattern, String prefix, int value) {
        List<MatchResult> found = pattern.matcher(source).results().toList();
        if (found.isEmpty()) {
            return source;
        }
        MatchResult chosen = found.get(random.nextInt(found.size()));
        return source.substring(0, chosen.start()) + prefix + value + source.substring(chosen.end());
    }

    private String toggleNotNull(String source) {
        if (source.contains(", nullable = false")) {
            return source.replaceFirst(", nullable = false", "");
        }
        if (source.contains("nullable = false, ")) {
            return source.replaceFirst("nullable = false, ", "");
        }
        return source.replaceFirst("@Column\\(name = ", "@Column(nullable = false, name = ");
    }

    private String swap(String source, String a, String toA, String b, String toB) {
        if (source.contains(a) && (random.nextBoolean() || !source.contains(b))) {
            return source.replaceFirst(Pattern.quote(a), toA);
        }
        return source.contains(b) ? source.replaceFirst(Pattern.quote(b), toB) : source;
    }

    private String dropToOne(String source) {
        return TO_ONE.matcher(source).replaceFirst("");
    }
}
