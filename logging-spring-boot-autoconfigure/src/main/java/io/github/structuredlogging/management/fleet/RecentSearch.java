package io.github.structuredlogging.management.fleet;

import java.util.ArrayList;
import java.util.List;

import ch.qos.logback.classic.Level;
import io.github.structuredlogging.api.LogStreams;
import io.github.structuredlogging.json.LogField;
import io.github.structuredlogging.management.EventQuery;
import io.github.structuredlogging.management.JsonLine;
import io.github.structuredlogging.management.LogManagement;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /recent} in fleet scope: the filters of an {@link EventQuery} as a bool query of
 * the DSL, newest first across instances. A text term is a phrase of the analyzed message
 * (whole words, any case); a {@code field:value} term an exact value of the field.
 */
final class RecentSearch {

	private static final List<String> LEVELS = List.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR");

	private RecentSearch() {
	}

	static ObjectNode body(FleetScope scope, EventQuery query, String since, String until, int limit) {
		ObjectNode body = FleetClient.body();
		body.put("size", limit);
		body.put("track_total_hits", false);
		body.putArray("sort").addObject().putObject(LogField.TIMESTAMP.key()).put("order", "desc");
		ObjectNode bool = body.putObject("query").putObject("bool");
		ArrayNode filters = bool.putArray("filter");
		filters.addAll(scope.filters());
		filters.add(FleetScope.timeRange(since, until));
		Level minLevel = query.minLevel();
		if (LogStreams.ERROR.equals(query.stream())) {
			minLevel = (minLevel == null || Level.WARN.isGreaterOrEqual(minLevel)) ? Level.WARN : minLevel;
		}
		else if (query.stream() != null) {
			filters.add(FleetScope.term(scope.field(LogField.LOG_STREAM), query.stream()));
		}
		if (minLevel != null) {
			ArrayNode levels = filters.addObject().putObject("terms").putArray(scope.field(LogField.LEVEL));
			for (String level : LEVELS) {
				if (Level.toLevel(level).isGreaterOrEqual(minLevel)) {
					levels.add(level);
				}
			}
		}
		if (query.loggerPrefix() != null) {
			filters.addObject().putObject("prefix").put(scope.field(LogField.LOGGER), query.loggerPrefix());
		}
		if (query.correlationId() != null) {
			filters.add(FleetScope.term(scope.field(LogField.CORRELATION_ID), query.correlationId()));
		}
		if (query.traceId() != null) {
			filters.add(FleetScope.term(scope.field(LogField.TRACE_ID), query.traceId()));
		}
		ArrayNode must = bool.putArray("must");
		for (String text : query.texts()) {
			must.addObject().putObject("match_phrase").put(scope.field(LogField.MESSAGE), text);
		}
		for (EventQuery.FieldTerm term : query.fields()) {
			must.addObject().putObject("match").putObject(term.field()).put("query", term.value());
		}
		return body;
	}

	static LogManagement.RecentEvents read(JsonNode answer) {
		List<JsonLine> events = new ArrayList<>();
		for (JsonNode hit : answer.path("hits").path("hits")) {
			events.add(new JsonLine(hit.path("_source").toString()));
		}
		return new LogManagement.RecentEvents(events.size(), events);
	}

}
