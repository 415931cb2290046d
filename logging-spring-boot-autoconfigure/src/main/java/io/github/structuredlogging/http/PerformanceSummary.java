package io.github.structuredlogging.http;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * The requests of a window: all together, per route, and the slowest.
 *
 * @param window the length of the window
 * @param overall all requests together
 * @param routes each route, busiest first
 * @param slowest the slowest requests, slowest first
 * @param minutes all requests together in each minute of the window that had any, oldest
 * first: the series of a chart
 */
public record PerformanceSummary(Duration window, RouteSummary overall, List<RouteSummary> routes,
		@JsonProperty("slowest") List<SlowRequest> slowest, List<MinuteSummary> minutes) {

	/**
	 * All requests of one minute.
	 *
	 * @param minute the minute's start
	 * @param requests the requests of that minute
	 */
	public record MinuteSummary(Instant minute, @JsonUnwrapped RouteSummary requests) {

	}

}
