/**
 * The audit trail: security-relevant events in a durable, hash-chained stream.
 */
@NullMarked
package io.github.structuredlogging.audit;

import org.jspecify.annotations.NullMarked;
