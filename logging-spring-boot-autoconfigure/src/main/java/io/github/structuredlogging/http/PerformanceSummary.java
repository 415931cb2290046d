package io.github.structuredlogging.http;

import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The requests of a window: all together, per route, and the slowest.
 *
 * @param window the length of the window
 * @param overall all requests together
 * @param routes each route, busiest first
 * @param slowest the slowest requests, slowest first
 */
public record PerformanceSummary(Duration window, RouteSummary overall, List<RouteSummary> routes,
		@JsonProperty("slowest") List<SlowRequest> slowest) {

}
