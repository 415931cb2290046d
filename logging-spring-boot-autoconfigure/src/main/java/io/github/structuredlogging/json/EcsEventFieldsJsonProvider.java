package io.github.structuredlogging.json;

import java.util.List;
import java.util.Locale;

import ch.qos.logback.classic.spi.ILoggingEvent;
import net.logstash.logback.composite.AbstractJsonProvider;
import org.jspecify.annotations.Nullable;
import org.slf4j.event.KeyValuePair;
import tools.jackson.core.JsonGenerator;

/**
 * Writes the ECS fields whose values differ from what the starter logs: the request's
 * duration in nanoseconds, the outcome in ECS's allowed values, and the kind and category
 * of an audit record.
 */
final class EcsEventFieldsJsonProvider extends AbstractJsonProvider<ILoggingEvent> {

	private static final String ALERT_EVENT = "SECURITY_ALERT";

	private static final String DURATION = LogField.DURATION.ecsName();

	private static final String OUTCOME = LogField.EVENT_OUTCOME.ecsName();

	private static final String KIND = LogField.EVENT_KIND.ecsName();

	private static final String CATEGORY = LogField.EVENT_CATEGORY.ecsName();

	@Override
	public void writeTo(JsonGenerator generator, ILoggingEvent event) {
		List<KeyValuePair> pairs = event.getKeyValuePairs();
		if (pairs == null) {
			return;
		}
		for (KeyValuePair pair : pairs) {
			if (pair.value == null) {
				continue;
			}
			if (LogField.DURATION.key().equals(pair.key) && pair.value instanceof Number millis) {
				generator.writeNumberProperty(DURATION, Math.round(millis.doubleValue() * 1_000_000));
			}
			else if (LogField.AUDIT_OUTCOME.key().equals(pair.key)) {
				boolean success = "success".equals(pair.value.toString());
				generator.writeStringProperty(OUTCOME, success ? "success" : "failure");
			}
			else if (LogField.AUDIT_EVENT.key().equals(pair.key)) {
				String type = pair.value.toString();
				generator.writeStringProperty(KIND, ALERT_EVENT.equals(type) ? "alert" : "event");
				String category = category(type);
				if (category != null) {
					generator.writeName(CATEGORY);
					generator.writeStartArray();
					generator.writeString(category);
					generator.writeEndArray();
				}
			}
		}
	}

	// ECS allows a fixed set of categories; events that fit none get none.
	private static @Nullable String category(String type) {
		String upper = type.toUpperCase(Locale.ROOT);
		if (upper.startsWith("AUTHENTICATION_") || upper.startsWith("LOGOUT")) {
			return "authentication";
		}
		if (upper.startsWith("SESSION_")) {
			return "session";
		}
		if (upper.equals("LOG_LEVEL_CHANGED") || upper.equals("CONFIG_CHANGED")) {
			return "configuration";
		}
		return ALERT_EVENT.equals(upper) ? "intrusion_detection" : null;
	}

}
