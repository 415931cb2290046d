package io.github.structuredlogging.http;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The requests of one route over a window.
 *
 * @param route the route template, {@code *} for all routes together
 * @param count the number of requests
 * @param serverErrors the number of requests that ended with a 5xx status
 * @param errorRate the share of server errors, from 0 to 1
 * @param p50 the median duration in milliseconds
 * @param p95 the 95th percentile of the duration in milliseconds
 * @param p99 the 99th percentile of the duration in milliseconds
 * @param max the longest duration in milliseconds
 * @param tiers the number of requests in each performance tier
 */
public record RouteSummary(@JsonProperty("http_route") String route, long count,
		@JsonProperty("server_errors") long serverErrors, @JsonProperty("error_rate") double errorRate,
		@JsonProperty("p50_ms") double p50, @JsonProperty("p95_ms") double p95, @JsonProperty("p99_ms") double p99,
		@JsonProperty("max_ms") double max, Map<String, Long> tiers) {

}
