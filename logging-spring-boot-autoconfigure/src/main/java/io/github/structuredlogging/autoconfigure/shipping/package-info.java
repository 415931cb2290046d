/**
 * Auto-configuration of shipping to Elasticsearch/OpenSearch, Loki, OTLP and TCP.
 */
@NullMarked
package io.github.structuredlogging.autoconfigure.shipping;

import org.jspecify.annotations.NullMarked;
