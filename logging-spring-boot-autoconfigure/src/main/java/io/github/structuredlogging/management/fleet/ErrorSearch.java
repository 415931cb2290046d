package io.github.structuredlogging.management.fleet;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.github.structuredlogging.json.ErrorFingerprint;
import io.github.structuredlogging.json.LogField;
import io.github.structuredlogging.management.ErrorGroups;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /errors} in fleet scope: a terms aggregation on the {@code error_fingerprint}
 * every instance writes with an exception, each group counted once per request
 * (cardinality of its correlation IDs, exact below 3,000, plus the events without one),
 * with its first and last time, its trend and a few of its requests, and its newest event
 * for the type, frame and message.
 */
final class ErrorSearch {

	// Cardinality is exact below this, and takes about 8 bytes per unit of it per bucket.
	private static final int PRECISION = 3000;

	private static final int MAX_GROUPS = 500;

	private ErrorSearch() {
	}

	static ObjectNode body(FleetScope scope, Instant since, Instant until, int limit) {
		ObjectNode body = FleetClient.body();
		body.put("size", 0);
		ObjectNode bool = body.putObject("query").putObject("bool");
		bool.putArray("filter")
			.addAll(scope.filters())
			.add(FleetScope.timeRange(since.toString(), until.toString()))
			.add(terms(scope.field(LogField.LEVEL), List.of("WARN", "ERROR")))
			.add(terms(scope.field(LogField.LOG_STREAM), ErrorGroups.STREAMS))
			.addObject()
			.putObject("exists")
			.put("field", scope.field(LogField.ERROR_FINGERPRINT));
		bool.putArray("must_not").addObject().putObject("prefix").put(scope.field(LogField.LOGGER),
				ErrorGroups.CONTAINER_LOGGERS);
		ObjectNode aggregations = body.putObject("aggs");
		aggregations.putObject("total").putObject("cardinality").put("field", scope.field(LogField.ERROR_FINGERPRINT));
		ObjectNode groups = aggregations.putObject("groups");
		// Ordered by events here, by requests once read: enough groups to reorder.
		groups.putObject("terms").put("field", scope.field(LogField.ERROR_FINGERPRINT))
			.put("size", Math.min(MAX_GROUPS, limit * 3));
		ObjectNode within = groups.putObject("aggs");
		requests(within, scope);
		within.putObject("first").putObject("min").put("field", LogField.TIMESTAMP.key());
		within.putObject("last").putObject("max").put("field", LogField.TIMESTAMP.key());
		within.putObject("levels").putObject("terms").put("field", scope.field(LogField.LEVEL));
		ObjectNode samples = within.putObject("samples");
		samples.putObject("terms").put("field", scope.field(LogField.CORRELATION_ID))
			.put("size", ErrorGroups.SAMPLES)
			.putObject("order").put("newest", "desc");
		samples.putObject("aggs").putObject("newest").putObject("max").put("field", LogField.TIMESTAMP.key());
		ObjectNode newest = within.putObject("newest").putObject("top_hits");
		newest.put("size", 1);
		newest.putArray("sort").addObject().putObject(LogField.TIMESTAMP.key()).put("order", "desc");
		long bucket = Math.max(1, Duration.between(since, until).toMillis() / ErrorGroups.TREND_BUCKETS);
		ObjectNode trend = within.putObject("trend");
		trend.putObject("date_histogram").put("field", LogField.TIMESTAMP.key()).put("fixed_interval", bucket + "ms")
			.put("offset", (since.toEpochMilli() % bucket) + "ms").put("min_doc_count", 0)
			.putObject("extended_bounds").put("min", since.toEpochMilli()).put("max", until.toEpochMilli() - 1);
		requests(trend.putObject("aggs"), scope);
		return body;
	}

	// One per correlation ID, one per event without.
	private static void requests(ObjectNode aggregations, FleetScope scope) {
		String correlationId = scope.field(LogField.CORRELATION_ID);
		aggregations.putObject("requests").putObject("cardinality").put("field", correlationId)
			.put("precision_threshold", PRECISION);
		aggregations.putObject("without_request").putObject("missing").put("field", correlationId);
	}

	private static ObjectNode terms(String field, List<String> values) {
		ObjectNode terms = FleetClient.body();
		values.forEach(terms.putObject("terms").putArray(field)::add);
		return terms;
	}

	static ErrorGroups.Report read(JsonNode answer, Duration window, int limit) {
		JsonNode aggregations = answer.path("aggregations");
		List<ErrorGroups.Group> groups = new ArrayList<>();
		for (JsonNode bucket : aggregations.path("groups").path("buckets")) {
			groups.add(group(bucket));
		}
		List<ErrorGroups.Group> largest = groups.stream()
			.sorted(Comparator.comparingLong(ErrorGroups.Group::count)
				.reversed()
				.thenComparing(ErrorGroups.Group::lastSeen, Comparator.reverseOrder()))
			.limit(limit)
			.toList();
		return new ErrorGroups.Report(window.toString(), aggregations.path("total").path("value").asInt(), largest);
	}

	private static ErrorGroups.Group group(JsonNode bucket) {
		JsonNode newest = bucket.path("newest").path("hits").path("hits").path(0).path("_source");
		String type = LogField.ERROR_TYPE.in(newest).asString("");
		String message = text(LogField.ERROR_MESSAGE.in(newest));
		if (message == null) {
			message = String.valueOf(text(LogField.MESSAGE.in(newest)));
		}
		String frame = ErrorFingerprint.applicationFrame(text(LogField.STACK_TRACE.in(newest)));
		String level = "WARN";
		for (JsonNode each : bucket.path("levels").path("buckets")) {
			if ("ERROR".equals(each.path("key").asString())) {
				level = "ERROR";
			}
		}
		// The window's length is not always a multiple of a twelfth: its last moments
		// may fall into a thirteenth bucket, counted in the twelfth.
		List<Long> trend = new ArrayList<>();
		for (JsonNode slot : bucket.path("trend").path("buckets")) {
			if (trend.size() < ErrorGroups.TREND_BUCKETS) {
				trend.add(requests(slot));
			}
			else {
				trend.set(trend.size() - 1, trend.get(trend.size() - 1) + requests(slot));
			}
		}
		List<String> correlationIds = new ArrayList<>();
		for (JsonNode sample : bucket.path("samples").path("buckets")) {
			correlationIds.add(sample.path("key").asString());
		}
		return new ErrorGroups.Group(bucket.path("key").asString(), type, ErrorFingerprint.template(message), frame,
				level, requests(bucket), instant(bucket.path("first")), instant(bucket.path("last")), message, trend,
				correlationIds);
	}

	private static long requests(JsonNode bucket) {
		return bucket.path("requests").path("value").asLong() + bucket.path("without_request").path("doc_count").asLong();
	}

	private static Instant instant(JsonNode aggregation) {
		return Instant.ofEpochMilli(aggregation.path("value").asLong());
	}

	private static @Nullable String text(JsonNode node) {
		return (node.isMissingNode() || node.isNull()) ? null : node.asString();
	}

}
