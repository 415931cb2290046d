/**
 * The in-memory store of recent events and the per-minute aggregates behind the log API.
 */
@NullMarked
package io.github.structuredlogging.store;

import org.jspecify.annotations.NullMarked;
