/**
 * What a migration class is written against: the {@link dev.autogen.migration.Migration} interface, its
 * {@link dev.autogen.migration.Revision} header, and the {@link dev.autogen.migration.Operations} API
 * whose calls rebuild the operation records, so that what a reviewer reads is exactly what runs.
 * {@link dev.autogen.migration.Definitions} holds the small builders those calls take.
 */
package dev.autogen.migration;
