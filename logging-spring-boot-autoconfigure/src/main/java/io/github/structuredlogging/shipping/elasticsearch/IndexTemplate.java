package io.github.structuredlogging.shipping.elasticsearch;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.structuredlogging.json.JsonLayout;
import io.github.structuredlogging.json.LogField;

/**
 * The index template the shipper applies: built from the field catalogue in the layout
 * the events are written in, so that it names exactly the fields of the lines.
 * Timestamps are dates, durations and sizes numbers, messages and stack traces text, and
 * every other string (IDs, levels, routes) a keyword.
 */
final class IndexTemplate {

	private static final List<LogField> DATES = List.of(LogField.TIMESTAMP, LogField.AUDIT_TIME);

	private static final List<LogField> DECIMALS = List.of(LogField.DURATION, LogField.DB_TIME,
			LogField.MEMORY_USED);

	private static final List<LogField> INTEGERS = List.of(LogField.HTTP_STATUS, LogField.REQUEST_BYTES,
			LogField.RESPONSE_BYTES, LogField.DB_QUERY_COUNT, LogField.AUDIT_SEQUENCE, LogField.CLIENT_ASN);

	private static final List<LogField> TEXTS = List.of(LogField.MESSAGE, LogField.STACK_TRACE,
			LogField.ERROR_MESSAGE, LogField.HTTP_REQUEST_BODY, LogField.HTTP_RESPONSE_BODY);

	private IndexTemplate() {
	}

	/**
	 * Return the template's body for {@code PUT _index_template/<name>}.
	 * @param naming the naming, for the pattern and the kind of target
	 * @param layout the layout the lines are written in
	 * @return the body, as maps and lists for Jackson
	 */
	static Map<String, Object> of(IndexNaming naming, JsonLayout layout) {
		Map<String, Object> properties = new LinkedHashMap<>();
		DATES.forEach((field) -> put(properties, field, layout, Map.of("type", "date_nanos")));
		DECIMALS.forEach((field) -> put(properties, field, layout,
				// ECS writes the duration in nanoseconds, as a whole number.
				Map.of("type", (layout == JsonLayout.ECS && field == LogField.DURATION) ? "long" : "double")));
		INTEGERS.forEach((field) -> put(properties, field, layout, Map.of("type", "long")));
		TEXTS.forEach((field) -> put(properties, field, layout, Map.of("type", "text")));
		Map<String, Object> mappings = new LinkedHashMap<>();
		mappings.put("dynamic_templates", List.of(Map.of("strings_as_keywords",
				Map.of("match_mapping_type", "string", "mapping", Map.of("type", "keyword", "ignore_above", 1024)))));
		mappings.put("properties", properties);
		Map<String, Object> template = new LinkedHashMap<>();
		template.put("mappings", mappings);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("index_patterns", List.of(naming.pattern()));
		if (naming.dataStreams()) {
			body.put("data_stream", Map.of());
		}
		body.put("priority", 200);
		body.put("template", template);
		body.put("_meta", Map.of("description", "Events written by logging-spring-boot-starter"));
		return body;
	}

	private static void put(Map<String, Object> properties, LogField field, JsonLayout layout,
			Map<String, Object> mapping) {
		String name = field.nameIn(layout);
		if (name != null) {
			properties.putIfAbsent(name, mapping);
		}
	}

}
