package io.github.structuredlogging.shipping.loki;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.structuredlogging.json.LogField;
import io.github.structuredlogging.shipping.ShippingEvent;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The labels of a Loki stream, taken from each event's fields. Loki keeps one stream per
 * distinct label set, so only fields with few values may be labels: a field with one
 * value per request or per user is refused, and belongs in structured metadata.
 */
public final class LokiLabels {

	/** The labels used unless configured otherwise. */
	public static final List<String> DEFAULTS = List.of("service_name", "environment", "host_name", "log_stream",
			"level");

	/** What every event of a request carries, sent as structured metadata. */
	static final List<LogField> METADATA = List.of(LogField.CORRELATION_ID, LogField.TRACE_ID, LogField.SPAN_ID);

	private static final Set<LogField> HIGH_CARDINALITY = Set.of(LogField.TIMESTAMP, LogField.MESSAGE,
			LogField.THREAD, LogField.TRACE_ID, LogField.SPAN_ID, LogField.CORRELATION_ID, LogField.HTTP_PATH,
			LogField.HTTP_QUERY, LogField.DURATION, LogField.REQUEST_BYTES, LogField.RESPONSE_BYTES,
			LogField.CLIENT_IP, LogField.USER_AGENT, LogField.CLIENT_CITY, LogField.USER_NAME, LogField.DB_TIME,
			LogField.DB_QUERY_COUNT, LogField.MEMORY_USED, LogField.ERROR_MESSAGE, LogField.STACK_TRACE,
			LogField.HTTP_REQUEST_BODY, LogField.HTTP_RESPONSE_BODY, LogField.AUDIT_PRINCIPAL,
			LogField.AUDIT_RESOURCE_ID, LogField.AUDIT_REASON, LogField.AUDIT_DETAILS, LogField.AUDIT_TIME,
			LogField.AUDIT_SEQUENCE, LogField.AUDIT_PREVIOUS_HASH, LogField.AUDIT_HASH);

	private final List<Label> labels;

	private LokiLabels(List<Label> labels) {
		this.labels = labels;
	}

	/**
	 * Return the labels named by fields.
	 * @param names the fields, by their name in the default layout (or the key of a
	 * key-value of the application's)
	 * @return the labels
	 * @throws IllegalArgumentException for a field with too many values to be a label
	 */
	public static LokiLabels of(List<String> names) {
		List<Label> labels = new ArrayList<>();
		for (String name : names) {
			String refusal = refusal(name);
			if (refusal != null) {
				throw new IllegalArgumentException(refusal);
			}
			labels.add(new Label(name.replaceAll("[^A-Za-z0-9_]", "_"), LogField.named(name), name));
		}
		return new LokiLabels(List.copyOf(labels));
	}

	/**
	 * Return why a field cannot be a label.
	 * @param name the field
	 * @return the reason, {@code null} when it can be one
	 */
	public static @Nullable String refusal(String name) {
		LogField field = LogField.named(name);
		if (field != null && HIGH_CARDINALITY.contains(field)) {
			return "'" + name + "' has too many distinct values to be a Loki label (each value makes a stream)"
					+ (METADATA.contains(field) ? "; it is sent as structured metadata" : "");
		}
		if (!name.matches("[A-Za-z_][A-Za-z0-9_.]*")) {
			return "'" + name + "' is not a field name a label can be made of";
		}
		return null;
	}

	/**
	 * Return an event's label set.
	 * @param event the event
	 * @return the labels that have a value, in the configured order
	 */
	Map<String, String> of(ShippingEvent event) {
		Map<String, String> values = new LinkedHashMap<>();
		JsonNode json = event.json();
		for (Label label : this.labels) {
			JsonNode value = (label.field() != null) ? label.field().in(json) : json.path(label.key());
			if (value.isValueNode() && !value.isNull()) {
				values.put(label.name(), value.asString());
			}
		}
		return values;
	}

	private record Label(String name, @Nullable LogField field, String key) {

	}

}
