package io.github.structuredlogging.management.fleet;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.structuredlogging.json.LogField;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /stats} in fleet scope: every instance's events of a window counted by level,
 * stream, logger and instance, and events per second and errors per minute over the last
 * 1, 5 and 15 minutes, all from one search's aggregations.
 */
final class StatsSearch {

	private static final List<Duration> RATES = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5),
			Duration.ofMinutes(15));

	private StatsSearch() {
	}

	static ObjectNode body(FleetScope scope, Instant now, Duration window, int top) {
		Instant since = now.minus((window.compareTo(RATES.get(2)) > 0) ? window : RATES.get(2));
		ObjectNode body = FleetClient.body();
		body.put("size", 0);
		body.putObject("query").putObject("bool").putArray("filter").addAll(scope.filters())
			.add(FleetScope.timeRange(since.toString(), now.toString()));
		ObjectNode aggregations = body.putObject("aggs");
		ObjectNode inWindow = aggregations.putObject("window");
		inWindow.set("filter", FleetScope.timeRange(now.minus(window).toString(), now.toString()));
		ObjectNode counts = inWindow.putObject("aggs");
		counts.putObject("by_level").putObject("terms").put("field", scope.field(LogField.LEVEL)).put("size", 10);
		counts.putObject("by_stream").putObject("terms").put("field", scope.field(LogField.LOG_STREAM)).put("size", 10);
		counts.putObject("top_loggers").putObject("terms").put("field", scope.field(LogField.LOGGER)).put("size", top);
		counts.putObject("by_instance").putObject("terms").put("field", scope.field(LogField.SERVICE_INSTANCE_ID))
			.put("size", 1000);
		for (Duration rate : RATES) {
			ObjectNode recent = aggregations.putObject(label(rate));
			recent.set("filter", FleetScope.timeRange(now.minus(rate).toString(), now.toString()));
			recent.putObject("aggs").putObject("errors").putObject("filter")
				.set("term", FleetClient.body().put(scope.field(LogField.LEVEL), "ERROR"));
		}
		return body;
	}

	static Map<String, Object> read(JsonNode answer, Duration window) {
		JsonNode aggregations = answer.path("aggregations");
		JsonNode inWindow = aggregations.path("window");
		Map<String, Object> stats = new LinkedHashMap<>();
		stats.put("window", window.toString());
		stats.put("events_total", inWindow.path("doc_count").asLong());
		stats.put("by_level", counts(inWindow.path("by_level")));
		stats.put("by_stream", counts(inWindow.path("by_stream")));
		stats.put("top_loggers", counts(inWindow.path("top_loggers")));
		stats.put("by_instance", counts(inWindow.path("by_instance")));
		Map<String, Double> perSecond = new LinkedHashMap<>();
		Map<String, Double> errorsPerMinute = new LinkedHashMap<>();
		for (Duration rate : RATES) {
			JsonNode recent = aggregations.path(label(rate));
			perSecond.put(label(rate), round(recent.path("doc_count").asDouble() / rate.toSeconds()));
			errorsPerMinute.put(label(rate), round(recent.path("errors").path("doc_count").asDouble() / rate.toMinutes()));
		}
		stats.put("events_per_second", perSecond);
		stats.put("errors_per_minute", errorsPerMinute);
		return stats;
	}

	private static Map<String, Long> counts(JsonNode terms) {
		Map<String, Long> counts = new LinkedHashMap<>();
		for (JsonNode bucket : terms.path("buckets")) {
			counts.put(bucket.path("key").asString(), bucket.path("doc_count").asLong());
		}
		return counts;
	}

	private static String label(Duration rate) {
		return rate.toMinutes() + "m";
	}

	private static double round(double value) {
		return Math.round(value * 100) / 100.0;
	}

}
