/**
 * The runner: applies and undoes migrations on PostgreSQL, each in its own transaction together with
 * its version-table change, under an advisory lock; stamps the version table; and writes the same work
 * as an offline SQL script.
 */
package dev.autogen.internal.runner;
