package dev.autogen.api;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A fleet report as JSON, and back: the writer and the small reader a resume needs. */
final class FleetReportJson {

    private FleetReportJson() {}

    static String write(FleetReport report) {
        StringBuilder json = new StringBuilder("{\"command\": ")
                .append(JsonText.of(report.command()))
                .append(", \"tookMs\": ")
                .append(report.took().toMillis())
                .append(", \"peakConnections\": ")
                .append(report.peakConnections())
                .append(", \"summary\": {");
        TargetOutcome.Status[] statuses = TargetOutcome.Status.values();
        for (int i = 0; i < statuses.length; i++) {
            json.append(i == 0 ? "" : ", ")
                    .append(JsonText.of(statuses[i].word()))
                    .append(": ")
                    .append(report.count(statuses[i]));
        }
        json.append("},\n\"targets\": [");
        for (int i = 0; i < report.outcomes().size(); i++) {
            TargetOutcome o = report.outcomes().get(i);
            json.append(i == 0 ? "\n" : ",\n")
                    .append("{\"target\": ")
                    .append(JsonText.of(o.target()))
                    .append(", \"status\": ")
                    .append(JsonText.of(o.status().word()))
                    .append(", \"before\": ")
                    .append(strings(o.before()))
                    .append(", \"after\": ")
                    .append(strings(o.after()))
                    .append(", \"tookMs\": ")
                    .append(o.took().toMillis())
                    .append(", \"detail\": ")
                    .append(JsonText.of(o.detail()))
                    .append(", \"error\": ")
                    .append(o.error() == null ? "null" : JsonText.of(o.error()))
                    .append('}');
        }
        return json.append("\n]}").toString();
    }

    static FleetReport read(String text) {
        Object parsed;
        try {
            parsed = new Reader(text).document();
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage());
        }
        Map<?, ?> root = as(Map.class, parsed, "the report");
        List<TargetOutcome> outcomes = new ArrayList<>();
        for (Object entry : as(List.class, root.get("targets"), "targets")) {
            Map<?, ?> target = as(Map.class, entry, "a target");
            String status = as(String.class, target.get("status"), "a target's status");
            TargetOutcome.Status parsedStatus;
            try {
                parsedStatus = TargetOutcome.Status.valueOf(status.toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw invalid("a target's status is '" + status + "'");
            }
            outcomes.add(new TargetOutcome(
                    as(String.class, target.get("target"), "a target's name"),
                    parsedStatus,
                    stringList(target.get("before"), "before"),
                    stringList(target.get("after"), "after"),
                    Duration.ofMillis(number(target.get("tookMs"))),
                    target.get("detail") instanceof String detail ? detail : "",
                    target.get("error") instanceof String error ? error : null));
        }
        return new FleetReport(
                as(String.class, root.get("command"), "command"),
                outcomes,
                Duration.ofMillis(number(root.get("tookMs"))),
                (int) number(root.get("peakConnections")));
    }

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : 0;
    }

    private static List<String> stringList(Object value, String what) {
        List<String> strings = new ArrayList<>();
        for (Object item : as(List.class, value, what)) {
            strings.add(as(String.class, item, what));
        }
        return strings;
    }

    private static <T> T as(Class<T> type, Object value, String what) {
        if (!type.isInstance(value)) {
            throw invalid(what + " is missing or not a"
                    + (type == List.class ? " list" : type == Map.class ? "n object" : " string"));
        }
        return type.cast(value);
    }

    private static AutogenException invalid(String what) {
        return new AutogenException(
                ErrorCode.CONFIG_INVALID,
                "the report is not a fleet report: " + what,
                "give the file a fleet run wrote with --report");
    }

    private static String strings(List<String> items) {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < items.size(); i++) {
            json.append(i == 0 ? "" : ", ").append(JsonText.of(items.get(i)));
        }
        return json.append(']').toString();
    }

    /** JSON's grammar, enough for a report: objects, arrays, strings, numbers, true, false, null. */
    private static final class Reader {

        private final String text;
        private int at;

        Reader(String text) {
            this.text = text;
        }

        Object document() {
            Object value = value();
            blanks();
            if (at != text.length()) {
                throw error("text after the end");
            }
            return value;
        }

        private Object value() {
            blanks();
            if (at >= text.length()) {
                throw error("an early end");
            }
            char c = text.charAt(at);
            if (c == '{') {
                return object();
            }
            if (c == '[') {
                return array();
            }
            if (c == '"') {
                return string();
            }
            if (c == '-' || Character.isDigit(c)) {
                return number();
            }
            for (Map.Entry<String, Object> word : WORDS.entrySet()) {
                if (text.startsWith(word.getKey(), at)) {
                    at += word.getKey().length();
                    return word.getValue();
                }
            }
            throw error("'" + c + "'");
        }

        private static final Map<String, Object> WORDS = new LinkedHashMap<>();

        static {
            WORDS.put("true", Boolean.TRUE);
            WORDS.put("false", Boolean.FALSE);
            WORDS.put("null", null);
        }

        private Map<String, Object> object() {
            Map<String, Object> object = new LinkedHashMap<>();
            at++;
            blanks();
            if (peek() == '}') {
                at++;
                return object;
            }
            while (true) {
                blanks();
                if (peek() != '"') {
                    throw error("a key that is not a string");
                }
                String key = string();
                blanks();
                expect(':');
                object.put(key, value());
                blanks();
                if (peek() == ',') {
                    at++;
                } else {
                    expect('}');
                    return object;
                }
            }
        }

        private List<Object> array() {
            List<Object> array = new ArrayList<>();
            at++;
            blanks();
            if (peek() == ']') {
                at++;
                return array;
            }
            while (true) {
                array.add(value());
                blanks();
                if (peek() == ',') {
                    at++;
                } else {
                    expect(']');
                    return array;
                }
            }
        }

        private String string() {
            StringBuilder string = new StringBuilder();
            at++;
            while (true) {
                if (at >= text.length()) {
                    throw error("a string that does not end");
                }
                char c = text.charAt(at++);
                if (c == '"') {
                    return string.toString();
                }
                if (c != '\\') {
                    string.append(c);
                    continue;
                }
                char escaped = at < text.length() ? text.charAt(at++) : ' ';
                switch (escaped) {
                    case '"', '\\', '/' -> string.append(escaped);
                    case 'b' -> string.append('\b');
                    case 'f' -> string.append('\f');
                    case 'n' -> string.append('\n');
                    case 'r' -> string.append('\r');
                    case 't' -> string.append('\t');
                    case 'u' -> {
                        if (at + 4 > text.length()) {
                            throw error("a short \\u escape");
                        }
                        try {
                            string.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                        } catch (NumberFormatException e) {
                            throw error("a bad \\u escape");
                        }
                        at += 4;
                    }
                    default -> throw error("the escape \\" + escaped);
                }
            }
        }

        private Number number() {
            int start = at;
            while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0) {
                at++;
            }
            String number = text.substring(start, at);
            try {
                return number.matches("-?\\d{1,18}") ? (Number) Long.parseLong(number) : Double.parseDouble(number);
            } catch (NumberFormatException e) {
                throw error("the number " + number);
            }
        }

        private void blanks() {
            while (at < text.length() && " \t\r\n".indexOf(text.charAt(at)) >= 0) {
                at++;
            }
        }

        private char peek() {
            return at < text.length() ? text.charAt(at) : '\0';
        }

        private void expect(char c) {
            if (peek() != c) {
                throw error("'" + (at < text.length() ? text.charAt(at) : "end") + "' where '" + c + "' belongs");
            }
            at++;
        }

        private IllegalArgumentException error(String what) {
            return new IllegalArgumentException(what + " at character " + at);
        }
    }
}
