package io.github.structuredlogging.management.fleet;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.structuredlogging.api.LogStreams;
import io.github.structuredlogging.http.PerformanceSummary;
import io.github.structuredlogging.http.PerformanceTier;
import io.github.structuredlogging.http.RequestStatistics;
import io.github.structuredlogging.http.RouteSummary;
import io.github.structuredlogging.http.SlowRequest;
import io.github.structuredlogging.json.JsonLayout;
import io.github.structuredlogging.json.LogField;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /performance} in fleet scope, from the performance lines of every instance:
 * percentiles aggregations (t-digest, approximate: within about 1% at the middle and
 * closer at the tails for windows of this size), per route with a terms aggregation and
 * per minute with a date histogram, and the slowest lines with a top-hits aggregation.
 */
final class PerformanceSearch {

	private static final int MAX_ROUTES = 200;

	private PerformanceSearch() {
	}

	static ObjectNode body(FleetScope scope, String since, @Nullable String route, int slowest) {
		ObjectNode body = FleetClient.body();
		body.put("size", 0);
		ObjectNode bool = body.putObject("query").putObject("bool");
		bool.putArray("filter")
			.addAll(scope.filters())
			.add(FleetScope.term(scope.field(LogField.LOG_STREAM), LogStreams.PERFORMANCE))
			.add(FleetScope.timeRange(since, null));
		ObjectNode aggregations = body.putObject("aggs");
		ObjectNode routes = aggregations.putObject("routes");
		routes.putObject("terms").put("field", scope.field(LogField.HTTP_ROUTE)).put("size", MAX_ROUTES)
			.put("missing", RequestStatistics.UNMATCHED_ROUTE);
		figures(routes.putObject("aggs"), scope);
		ObjectNode selected = aggregations.putObject("selected");
		if (route != null) {
			selected.set("filter", FleetScope.term(scope.field(LogField.HTTP_ROUTE), route));
		}
		else {
			selected.putObject("filter").putObject("match_all");
		}
		ObjectNode within = selected.putObject("aggs");
		figures(within, scope);
		ObjectNode minutes = within.putObject("minutes");
		minutes.putObject("date_histogram").put("field", LogField.TIMESTAMP.key()).put("fixed_interval", "1m")
			.put("min_doc_count", 1);
		figures(minutes.putObject("aggs"), scope);
		if (slowest > 0) {
			ObjectNode hits = within.putObject("slowest").putObject("top_hits");
			hits.put("size", slowest);
			hits.putArray("sort").addObject().putObject(scope.field(LogField.DURATION)).put("order", "desc")
				.put("unmapped_type", "double");
			hits.putObject("_source").putArray("includes").add(LogField.TIMESTAMP.key())
				.add(scope.field(LogField.HTTP_METHOD)).add(scope.field(LogField.HTTP_PATH))
				.add(scope.field(LogField.HTTP_ROUTE)).add(scope.field(LogField.HTTP_STATUS))
				.add(scope.field(LogField.DURATION)).add(scope.field(LogField.CORRELATION_ID));
		}
		return body;
	}

	// Percentiles, the longest, server errors and tiers of a bucket.
	private static void figures(ObjectNode aggregations, FleetScope scope) {
		String duration = scope.field(LogField.DURATION);
		aggregations.putObject("durations").putObject("percentiles").put("field", duration).putArray("percents")
			.add(50).add(95).add(99);
		aggregations.putObject("longest").putObject("max").put("field", duration);
		aggregations.putObject("server_errors").putObject("filter").putObject("range")
			.putObject(scope.field(LogField.HTTP_STATUS)).put("gte", 500);
		aggregations.putObject("tiers").putObject("terms").put("field", scope.field(LogField.PERFORMANCE_TIER))
			.put("size", PerformanceTier.values().length);
	}

	static PerformanceSummary read(JsonNode answer, FleetScope scope, Duration window, @Nullable String route) {
		JsonNode aggregations = answer.path("aggregations");
		double unit = millisPerUnit(scope.layout());
		List<RouteSummary> routes = new ArrayList<>();
		for (JsonNode bucket : aggregations.path("routes").path("buckets")) {
			routes.add(summary(bucket.path("key").asString(), bucket, unit));
		}
		JsonNode selected = aggregations.path("selected");
		List<PerformanceSummary.MinuteSummary> minutes = new ArrayList<>();
		for (JsonNode bucket : selected.path("minutes").path("buckets")) {
			minutes.add(new PerformanceSummary.MinuteSummary(Instant.ofEpochMilli(bucket.path("key").asLong()),
					summary((route != null) ? route : RequestStatistics.ALL_ROUTES, bucket, unit)));
		}
		List<SlowRequest> slowest = new ArrayList<>();
		for (JsonNode hit : selected.path("slowest").path("hits").path("hits")) {
			slowest.add(slowRequest(hit.path("_source"), unit));
		}
		return new PerformanceSummary(window,
				summary((route != null) ? route : RequestStatistics.ALL_ROUTES, selected, unit), routes, slowest,
				minutes);
	}

	private static RouteSummary summary(String route, JsonNode bucket, double unit) {
		long count = bucket.path("doc_count").asLong();
		long serverErrors = bucket.path("server_errors").path("doc_count").asLong();
		JsonNode percentiles = bucket.path("durations").path("values");
		Map<String, Long> tiers = new LinkedHashMap<>();
		for (PerformanceTier tier : PerformanceTier.values()) {
			tiers.put(tier.value(), 0L);
		}
		for (JsonNode tier : bucket.path("tiers").path("buckets")) {
			tiers.put(tier.path("key").asString(), tier.path("doc_count").asLong());
		}
		return new RouteSummary(route, count, serverErrors, (count > 0) ? (double) serverErrors / count : 0,
				millis(percentiles.path("50.0"), unit), millis(percentiles.path("95.0"), unit),
				millis(percentiles.path("99.0"), unit), millis(bucket.path("longest").path("value"), unit), tiers);
	}

	private static SlowRequest slowRequest(JsonNode source, double unit) {
		return new SlowRequest(Instant.parse(LogField.TIMESTAMP.in(source).asString()),
				LogField.HTTP_METHOD.in(source).asString(), LogField.HTTP_PATH.in(source).asString(),
				LogField.HTTP_ROUTE.in(source).asString(RequestStatistics.UNMATCHED_ROUTE),
				LogField.HTTP_STATUS.in(source).asInt(), millis(LogField.DURATION.in(source), unit),
				LogField.CORRELATION_ID.in(source).isMissingNode() ? null
						: LogField.CORRELATION_ID.in(source).asString());
	}

	// The ecs layout writes durations in nanoseconds, the default one in milliseconds.
	private static double millisPerUnit(JsonLayout layout) {
		return (layout == JsonLayout.ECS) ? 1e-6 : 1;
	}

	private static double millis(JsonNode value, double unit) {
		return value.isNumber() ? Math.round(value.asDouble() * unit * 1000) / 1000.0 : 0;
	}

}
