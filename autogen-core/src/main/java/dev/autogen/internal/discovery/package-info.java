/**
 * Finding migrations: from a source directory, compiled in-process with {@code javax.tools} so that
 * {@code revision} then {@code upgrade} needs no build in between (compiled output cached by content),
 * or from compiled classes on a classpath, such as an application's jar.
 */
package dev.autogen.internal.discovery;
