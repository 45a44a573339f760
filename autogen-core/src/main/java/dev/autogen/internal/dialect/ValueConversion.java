package dev.autogen.internal.dialect;

import dev.autogen.internal.operations.AlterColumn;

/** A column's type change that converts value by value, both ways, and the remark that says how. */
public record ValueConversion(AlterColumn operation, String remark) {}
