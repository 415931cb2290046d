package io.github.structuredlogging.shipping.otlp;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;

import io.github.structuredlogging.json.LogField;
import io.github.structuredlogging.shipping.ShippingEvent;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.logs.Severity;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanId;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceId;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.logs.data.Body;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.resources.Resource;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Turns a JSON line into an OpenTelemetry log record: the message is the body, the level
 * the severity, the trace and span IDs the record's span context, the logger its
 * instrumentation scope, the exception fields OpenTelemetry's {@code exception.*}
 * attributes, and every other field an attribute of its JSON type (objects as JSON text).
 * The service fields belong to the resource, which is the same for every record.
 */
final class OtlpLogRecords {

	private static final Set<LogField> NOT_ATTRIBUTES = Set.of(LogField.TIMESTAMP, LogField.LEVEL, LogField.MESSAGE,
			LogField.LOGGER, LogField.TRACE_ID, LogField.SPAN_ID, LogField.SERVICE_NAME, LogField.SERVICE_VERSION,
			LogField.ENVIRONMENT, LogField.HOST_NAME, LogField.SERVICE_INSTANCE_ID, LogField.ECS_VERSION);

	private static final Map<LogField, String> RENAMED = Map.of(LogField.ERROR_TYPE, "exception.type",
			LogField.ERROR_MESSAGE, "exception.message", LogField.STACK_TRACE, "exception.stacktrace", LogField.THREAD,
			"thread.name");

	private OtlpLogRecords() {
	}

	static LogRecordData of(ShippingEvent event, Resource resource, long observedNanos) {
		JsonNode json = event.json();
		String level = event.text(LogField.LEVEL);
		String logger = event.text(LogField.LOGGER);
		return new Record(resource, InstrumentationScopeInfo.create((logger != null) ? logger : "unknown"),
				nanos(event.text(LogField.TIMESTAMP), observedNanos), observedNanos,
				spanContext(event.text(LogField.TRACE_ID), event.text(LogField.SPAN_ID)), severity(level),
				(level != null) ? level : "", Body.string(String.valueOf(event.text(LogField.MESSAGE))),
				attributes(json));
	}

	private static Attributes attributes(JsonNode json) {
		AttributesBuilder attributes = Attributes.builder();
		for (Map.Entry<String, JsonNode> property : json.properties()) {
			LogField field = LogField.named(property.getKey());
			if (field != null && NOT_ATTRIBUTES.contains(field)) {
				continue;
			}
			String name = (field != null && RENAMED.containsKey(field)) ? RENAMED.get(field) : property.getKey();
			JsonNode value = property.getValue();
			if (value.isIntegralNumber()) {
				attributes.put(AttributeKey.longKey(name), value.asLong());
			}
			else if (value.isNumber()) {
				attributes.put(AttributeKey.doubleKey(name), value.asDouble());
			}
			else if (value.isBoolean()) {
				attributes.put(AttributeKey.booleanKey(name), value.asBoolean());
			}
			else if (value.isString()) {
				attributes.put(AttributeKey.stringKey(name), value.asString());
			}
			else if (!value.isNull()) {
				attributes.put(AttributeKey.stringKey(name), value.toString());
			}
		}
		return attributes.build();
	}

	private static SpanContext spanContext(@Nullable String traceId, @Nullable String spanId) {
		if (traceId == null || spanId == null || !TraceId.isValid(traceId) || !SpanId.isValid(spanId)) {
			return SpanContext.getInvalid();
		}
		return SpanContext.create(traceId, spanId, TraceFlags.getDefault(), TraceState.getDefault());
	}

	private static Severity severity(@Nullable String level) {
		return switch ((level != null) ? level : "") {
			case "TRACE" -> Severity.TRACE;
			case "DEBUG" -> Severity.DEBUG;
			case "INFO" -> Severity.INFO;
			case "WARN" -> Severity.WARN;
			case "ERROR" -> Severity.ERROR;
			default -> Severity.UNDEFINED_SEVERITY_NUMBER;
		};
	}

	private static long nanos(@Nullable String timestamp, long fallback) {
		try {
			if (timestamp != null) {
				Instant instant = Instant.parse(timestamp);
				return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
			}
		}
		catch (DateTimeParseException ex) {
			// The time it was read, as for a line without one.
		}
		return fallback;
	}

	private record Record(Resource getResource, InstrumentationScopeInfo getInstrumentationScopeInfo,
			long getTimestampEpochNanos, long getObservedTimestampEpochNanos, SpanContext getSpanContext,
			Severity getSeverity, String getSeverityText, Body getBody, Attributes getAttributes) implements LogRecordData {

		@Override
		public int getTotalAttributeCount() {
			return this.getAttributes.size();
		}

	}

}
