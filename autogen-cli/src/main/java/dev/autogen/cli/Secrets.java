package dev.autogen.cli;

/** Keeps passwords given on the command line out of what is printed. */
final class Secrets {

    private Secrets() {}

    /** The message with every password value among {@code arguments} replaced by stars. */
    static String mask(String message, String[] arguments) {
        String masked = message;
        for (int i = 0; i < arguments.length; i++) {
            String argument = arguments[i];
            String secret = null;
            if (argument.startsWith("--password=")) {
                secret = argument.substring("--password=".length());
            } else if (argument.equals("--password") && i + 1 < arguments.length) {
                secret = arguments[i + 1];
            }
            if (secret != null && !secret.isEmpty()) {
                masked = masked.replace(secret, "***");
            }
        }
        return masked;
    }
}
