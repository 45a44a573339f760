/**
 * Operations: one record per kind of schema change. Each carries the state it needs to be undone, gives
 * its reverse, applies itself to an in-memory {@link dev.autogen.internal.schema.Schema}, and says what data it
 * loses, if any. Rendering them as SQL belongs to a dialect.
 */
package dev.autogen.internal.operations;
