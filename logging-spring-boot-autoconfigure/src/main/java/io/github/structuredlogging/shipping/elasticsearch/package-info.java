/**
 * Shipping to Elasticsearch and OpenSearch through the {@code _bulk} API, into daily
 * indices or data streams, with an index template built from the field catalogue.
 */
@NullMarked
package io.github.structuredlogging.shipping.elasticsearch;

import org.jspecify.annotations.NullMarked;
