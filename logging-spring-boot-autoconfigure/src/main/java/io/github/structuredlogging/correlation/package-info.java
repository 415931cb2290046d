/**
 * Correlation IDs: taken from or given to every request, kept in the MDC, and carried to
 * other threads and downstream services.
 */
@NullMarked
package io.github.structuredlogging.correlation;

import org.jspecify.annotations.NullMarked;
