/**
 * The in-memory store of recent events behind the log API, with their counts.
 */
@NullMarked
package io.github.structuredlogging.store;

import org.jspecify.annotations.NullMarked;
