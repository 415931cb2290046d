package io.github.structuredlogging.logback;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.LoggingEvent;
import io.github.structuredlogging.api.LogStreams;
import org.slf4j.event.KeyValuePair;

/**
 * An audit record as the audit trail writes it, hash chain included: the only kind of
 * event the {@code audit} stream takes. Its time, MDC and fields are the ones the record's
 * hash covers, fixed before it is handed to the appenders.
 */
public final class AuditStreamEvent extends LoggingEvent {

	/**
	 * Create the event of one audit record.
	 * @param logger the audit trail's logger
	 * @param level the level
	 * @param message the message
	 * @param time when it happened
	 * @param mdc the MDC entries written with it, and only those
	 * @param fields its key-value pairs, in the order written
	 */
	public AuditStreamEvent(Logger logger, Level level, String message, Instant time, Map<String, String> mdc,
			List<KeyValuePair> fields) {
		super(AuditStreamEvent.class.getName(), logger, level, message, null, null);
		setInstant(time);
		setMDCPropertyMap(mdc);
		setKeyValuePairs(fields);
		addMarker(LogStreams.marker(LogStreams.AUDIT));
	}

}
