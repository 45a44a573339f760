/** Opening JDBC connections to PostgreSQL, with errors that say what to fix. */
package dev.autogen.db;
