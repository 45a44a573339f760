package dev.autogen.api;

import java.util.Objects;

/** Where the database is and who connects. The password is never printed: see {@link #toString()}. */
public record ConnectionSettings(String url, String user, String password) {

    public ConnectionSettings {
        Objects.requireNonNull(url, "url");
    }

    /** The URL without any password it carries. */
    public String safeUrl() {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***").replaceAll("//([^/@:]+):[^/@]*@", "//$1:***@");
    }

    @Override
    public String toString() {
        return "ConnectionSettings[url=" + safeUrl() + ", user=" + user + "]";
    }
}
