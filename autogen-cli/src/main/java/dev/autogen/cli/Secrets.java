package dev.autogen.cli;

import dev.autogen.api.ConnectionSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps passwords out of all that is printed: the values given with {@code --password}, in
 * {@code AUTOGEN_PASSWORD} or the configuration, and any a URL carries. Every message and trace goes
 * through {@link #mask}.
 */
final class Secrets {

    private final List<String> values = new ArrayList<>();
    private String user;

    /** The secrets known before the configuration is read: the command line's and the environment's. */
    static Secrets of(String[] arguments, Map<String, String> environment) {
        Secrets secrets = new Secrets();
        for (int i = 0; i < arguments.length; i++) {
            String argument = arguments[i];
            String next = i + 1 < arguments.length ? arguments[i + 1] : null;
            if (argument.startsWith("--password=")) {
                secrets.add(argument.substring("--password=".length()));
            } else if (argument.equals("--password")) {
                secrets.add(next);
            } else if (argument.startsWith("--url=")) {
                secrets.addUrl(argument.substring("--url=".length()));
            } else if (argument.equals("--url")) {
                secrets.addUrl(next);
            }
        }
        secrets.add(environment.get("AUTOGEN_PASSWORD"));
        secrets.addUrl(environment.get("AUTOGEN_URL"));
        return secrets;
    }

    /** The passwords a JDBC URL carries, as {@code password=...} or {@code user:password@host}: a driver may repeat them mangled. */
    void addUrl(String url) {
        if (url == null) {
            return;
        }
        Matcher parameter = Pattern.compile("(?i)password=([^&;\\s]+)").matcher(url);
        while (parameter.find()) {
            add(parameter.group(1));
        }
        Matcher userInfo = Pattern.compile("//[^/@:\\s]+:([^/@\\s]+)@").matcher(url);
        if (userInfo.find()) {
            add(userInfo.group(1));
        }
    }

    void add(String secret) {
        if (secret != null && !secret.isEmpty()) {
            values.add(secret);
        }
    }

    /** The text with every known secret, and every password a URL in it carries, masked where it stands. */
    String mask(String text) {
        return ConnectionSettings.mask(text, values, user);
    }

    /** Text another library wrote (a log line, a trace), where a secret may stand anywhere as a token. */
    String maskForeign(String text) {
        return ConnectionSettings.maskForeign(text, values, user);
    }

    /** The user name, which a secret equal to it must not mask (that would say the password). */
    void user(String name) {
        user = name;
    }
}
