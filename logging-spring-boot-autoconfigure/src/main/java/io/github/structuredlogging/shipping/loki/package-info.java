/**
 * Shipping to Grafana Loki through its push API: low-cardinality labels, and the IDs of
 * a request as structured metadata.
 */
@NullMarked
package io.github.structuredlogging.shipping.loki;

import org.jspecify.annotations.NullMarked;
