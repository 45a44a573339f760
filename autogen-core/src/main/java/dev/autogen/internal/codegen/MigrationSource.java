package dev.autogen.internal.codegen;

/** A generated migration: where it goes and its text. */
public record MigrationSource(String packageName, String className, String source) {

    public String qualifiedName() {
        return packageName.isEmpty() ? className : packageName + "." + className;
    }

    /** The path of the file below the source root, as {@code javac} expects it. */
    public String relativePath() {
        return qualifiedName().replace('.', '/') + ".java";
    }
}
