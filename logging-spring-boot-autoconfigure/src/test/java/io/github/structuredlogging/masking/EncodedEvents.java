package io.github.structuredlogging.masking;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxy;
import ch.qos.logback.core.encoder.Encoder;
import io.github.structuredlogging.json.JsonLayout;
import io.github.structuredlogging.json.ServiceIdentity;
import io.github.structuredlogging.json.StackTraceOptions;
import io.github.structuredlogging.json.StructuredJsonEncoders;
import io.github.structuredlogging.logback.TextEncoders;
import net.logstash.logback.argument.StructuredArguments;
import net.logstash.logback.encoder.LoggingEventCompositeJsonEncoder;
import net.logstash.logback.marker.Markers;
import org.slf4j.event.KeyValuePair;

/**
 * The starter's real encoders, JSON in both layouts and text, with the default masking,
 * and events that carry one value in each place a logging call can put it.
 */
final class EncodedEvents {

	private final LoggerContext context = new LoggerContext();

	private final Logger logger = this.context.getLogger("com.example.Orders");

	private final List<Encoder<ILoggingEvent>> encoders;

	EncodedEvents() {
		MaskingEngine masker = new MaskingEngine(MaskingSettings.defaults());
		ServiceIdentity service = new ServiceIdentity("orders", null, "test", "host");
		StackTraceOptions stackTrace = new StackTraceOptions(false, 64, 16384, List.of());
		LoggingEventCompositeJsonEncoder json = StructuredJsonEncoders.create(JsonLayout.DEFAULT, service,
				stackTrace, masker);
		LoggingEventCompositeJsonEncoder ecs = StructuredJsonEncoders.create(JsonLayout.ECS, service, stackTrace,
				masker);
		for (LoggingEventCompositeJsonEncoder encoder : List.of(json, ecs)) {
			encoder.setContext(this.context);
			encoder.start();
		}
		this.encoders = List.of(json, ecs, TextEncoders.create(this.context, masker));
	}

	/**
	 * Return every output of an event for each carrier of the value: message, argument,
	 * key-value, MDC, nested exception cause, raw JSON argument and raw JSON marker.
	 * @param value the value
	 * @return the encoded lines
	 */
	List<String> everyCarrierOf(String value) {
		String rawJson = "{\"note\":" + quoted(value) + "}";
		List<LoggingEvent> events = List.of(event("Order failed: " + value, null),
				event("Order failed: {}", new Object[] { value }),
				withKeyValue(event("Order failed", null), "note", value),
				withMdc(event("Order failed", null), Map.of("note", value)),
				withCause(event("Order failed", null), value),
				event("Order failed {}", new Object[] { StructuredArguments.raw("details", rawJson) }),
				withMarker(event("Order failed", null), rawJson));
		return events.stream().flatMap((event) -> this.encoders.stream().map((encoder) -> encode(encoder, event)))
			.toList();
	}

	private LoggingEvent event(String message, Object[] arguments) {
		LoggingEvent event = new LoggingEvent(Logger.class.getName(), this.logger, Level.INFO, message, null,
				arguments);
		event.setMDCPropertyMap(Map.of());
		return event;
	}

	private static LoggingEvent withKeyValue(LoggingEvent event, String key, Object value) {
		event.setKeyValuePairs(List.of(new KeyValuePair(key, value)));
		return event;
	}

	private LoggingEvent withMdc(LoggingEvent event, Map<String, String> mdc) {
		LoggingEvent fresh = new LoggingEvent(Logger.class.getName(), this.logger, Level.INFO, event.getMessage(),
				null, null);
		fresh.setMDCPropertyMap(mdc);
		return fresh;
	}

	private static LoggingEvent withCause(LoggingEvent event, String value) {
		event.setThrowableProxy(new ThrowableProxy(
				new IllegalStateException("Payment failed", new IllegalArgumentException("rejected " + value))));
		return event;
	}

	private static LoggingEvent withMarker(LoggingEvent event, String rawJson) {
		event.addMarker(Markers.appendRaw("details", rawJson));
		return event;
	}

	private static String encode(Encoder<ILoggingEvent> encoder, ILoggingEvent event) {
		return new String(encoder.encode(event), StandardCharsets.UTF_8);
	}

	static String quoted(String value) {
		StringBuilder json = new StringBuilder("\"");
		for (char c : value.toCharArray()) {
			switch (c) {
				case '"' -> json.append("\\\"");
				case '\\' -> json.append("\\\\");
				case '\n' -> json.append("\\n");
				case '\r' -> json.append("\\r");
				default -> json.append(c);
			}
		}
		return json.append('"').toString();
	}

}
