package io.github.structuredlogging.http;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * One of the slowest requests of a window.
 *
 * @param timestamp when the request finished
 * @param method the HTTP method
 * @param path the request path
 * @param route the route template
 * @param status the response status
 * @param durationMs how long the request took in milliseconds
 * @param correlationId the request's correlation ID
 */
public record SlowRequest(@JsonProperty("@timestamp") Instant timestamp, @JsonProperty("http_method") String method,
		@JsonProperty("http_path") String path, @JsonProperty("http_route") String route,
		@JsonProperty("http_status") int status, @JsonProperty("duration_ms") double durationMs,
		@JsonProperty("correlation_id") @Nullable String correlationId) {

}
