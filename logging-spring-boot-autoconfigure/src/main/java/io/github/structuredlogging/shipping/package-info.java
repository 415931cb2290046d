/**
 * Shipping events to the clusters that collect logs: Elasticsearch and OpenSearch, Loki,
 * OpenTelemetry (OTLP) and JSON lines over TCP. Events are read back from the
 * {@code application} stream file, whose read position is kept in a registry next to it,
 * so that an outage of a backend, or a restart of the application during one, loses
 * nothing; without files, from a bounded queue whose every drop is counted.
 */
@NullMarked
package io.github.structuredlogging.shipping;

import org.jspecify.annotations.NullMarked;
