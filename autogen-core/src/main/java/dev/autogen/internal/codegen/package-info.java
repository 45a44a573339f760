/**
 * Code generation: renders a revision's operations as a Java migration class that calls
 * {@link dev.autogen.migration.Operations}, one readable call per operation, with comments where data is
 * lost or where the tool had to guess. The only package that imports JavaPoet.
 */
package dev.autogen.internal.codegen;
