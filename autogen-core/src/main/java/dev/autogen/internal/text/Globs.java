package dev.autogen.internal.text;

import java.util.regex.Pattern;

/** Name patterns as the settings write them: {@code *} stands for any run of characters, nothing else is special. */
public final class Globs {

    private Globs() {}

    public static Pattern compile(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (String part : pattern.split("\\*", -1)) {
            if (regex.length() > 0) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(part));
        }
        return Pattern.compile(regex.toString());
    }
}
