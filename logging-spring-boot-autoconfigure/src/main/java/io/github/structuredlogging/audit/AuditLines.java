package io.github.structuredlogging.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Level;
import io.github.structuredlogging.api.CorrelationId;
import io.github.structuredlogging.json.LogField;
import io.github.structuredlogging.logback.AuditStreamEvent;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.KeyValuePair;

/**
 * Hands audit lines straight to the audit logger's appenders, past the logger levels:
 * lowering a level, or switching the audit logger off through Actuator, must not silence
 * the trail while its sequence goes on.
 */
final class AuditLines {

	private final Logger logger = LoggerFactory.getLogger(AuditTrail.LOGGER_NAME);

	/**
	 * Write one audit line.
	 * @param level its level
	 * @param message its message
	 * @param time its time
	 * @param correlationId the correlation ID written with it, when any
	 * @param traceId the trace ID written with it, when any
	 * @param fields its fields, in order
	 */
	void write(Level level, String message, Instant time, @Nullable String correlationId, @Nullable String traceId,
			Map<String, @Nullable Object> fields) {
		// Only the IDs the hash covers, written where the encoder writes them from the MDC.
		Map<String, String> mdc = new HashMap<>();
		if (correlationId != null) {
			mdc.put(CorrelationId.MDC_KEY, correlationId);
		}
		if (traceId != null) {
			mdc.put(LogField.TRACE_ID.mdcKeys().get(0), traceId);
		}
		List<KeyValuePair> pairs = new ArrayList<>(fields.size());
		fields.forEach((name, value) -> pairs.add(new KeyValuePair(name, value)));
		if (this.logger instanceof ch.qos.logback.classic.Logger logback) {
			logback.callAppenders(new AuditStreamEvent(logback, level, message, time, mdc, pairs));
		}
	}

}
