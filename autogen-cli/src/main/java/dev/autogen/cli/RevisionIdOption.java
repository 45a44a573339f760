package dev.autogen.cli;

import picocli.CommandLine.Option;

/** The {@code --rev-id} option of every command that writes a revision. */
final class RevisionIdOption {

    @Option(names = "--rev-id", paramLabel = "ID", description = "The revision id (default: 12 random hex digits).")
    String value;
}
