package dev.autogen.api;

import java.util.Objects;

/** Where the database is and who connects. The password is never printed: see {@link #toString()}. */
public record ConnectionSettings(String url, String user, String password) {

    public ConnectionSettings {
        Objects.requireNonNull(url, "url");
    }

    /** The URL without any password it carries. */
    public String safeUrl() {
        return mask(url);
    }

    /**
     * {@code text} with this password, and any password a URL in it carries ({@code password=...},
     * {@code user:password@host}), replaced by {@code ***}: every message and trace goes through it.
     */
    public String mask(String text) {
        if (text == null) {
            return null;
        }
        String masked = text.replaceAll("(?i)(password=)[^&;\\s]*", "$1***")
                .replaceAll("//([^/@:\\s]+):[^/@\\s]*@", "//$1:***@");
        if (password != null && !password.isEmpty()) {
            masked = masked.replace(password, "***");
        }
        return masked;
    }

    @Override
    public String toString() {
        return "ConnectionSettings[url=" + safeUrl() + ", user=" + user + "]";
    }
}
