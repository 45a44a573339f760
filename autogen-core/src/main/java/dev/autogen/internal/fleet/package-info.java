/**
 * Fleets: the targets a fleet's settings name (schemas by pattern, databases by file or query), and running
 * one piece of work on each of them, a bounded number at once, canaries first, stopping or going on at a
 * failure.
 */
package dev.autogen.internal.fleet;
