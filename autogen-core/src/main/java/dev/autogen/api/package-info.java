/**
 * The public API: {@link dev.autogen.Autogen}, one method per verb, each returning a result record.
 * The command line calls it; so can an application, for example to upgrade at start-up.
 */
package dev.autogen.api;
