/**
 * The entity reader: finds {@code @Entity} classes on a classpath with ClassGraph, lets Hibernate build
 * its boot metadata for PostgreSQL without touching a database, and translates Hibernate's relational
 * model into the schema model. Hibernate decides every mapping rule; this package only translates its
 * result. The only package that imports Hibernate.
 */
package dev.autogen.internal.entities;
