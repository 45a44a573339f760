/** SQL rendering of operations, one class per database; PostgreSQL first. */
package dev.autogen.dialect;
