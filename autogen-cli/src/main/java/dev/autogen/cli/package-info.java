/**
 * The {@code autogen} command: parses its arguments, loads the configuration, calls the public API,
 * prints, and exits with 0 (success), 1 (failure), 2 (bad command line) or 3 ({@code check} found
 * differences). Errors are one line on stderr, {@code error: <what> (<hint>)}.
 */
package dev.autogen.cli;
