package io.github.structuredlogging.json;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.github.structuredlogging.api.CorrelationId;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Every field the starter writes, with its name in each {@link JsonLayout}: the JSON
 * schema, declared once. In the {@code ecs} layout a field is either the Elastic Common
 * Schema field of the same meaning and type, or, where ECS has none, sits under the
 * custom namespace {@value #CUSTOM_NAMESPACE}.
 */
public enum LogField {

	/** When the event happened, ISO-8601 in UTC. */
	TIMESTAMP("@timestamp", "@timestamp"),

	/** The event's level. */
	LEVEL("level", "log.level"),

	/** The logger's name. */
	LOGGER("logger_name", "log.logger"),

	/** The thread's name. */
	THREAD("thread_name", "process.thread.name"),

	/** The formatted message. */
	MESSAGE("message", "message"),

	/** The service that wrote the event. */
	SERVICE_NAME("service_name", "service.name"),

	/** The version of that service, when known. */
	SERVICE_VERSION("service_version", "service.version"),

	/** The deployment environment. */
	ENVIRONMENT("environment", "service.environment"),

	/** The host the service runs on. */
	HOST_NAME("host_name", "host.name"),

	/** The running instance of the service that wrote the event. */
	SERVICE_INSTANCE_ID("service_instance_id", "service.node.name"),

	/** The stream the event belongs to: application, performance or audit. */
	LOG_STREAM("log_stream", "event.dataset"),

	/** The version of the Elastic Common Schema followed, in the ecs layout only. */
	ECS_VERSION(null, "ecs.version"),

	/** The class name of the exception. */
	ERROR_TYPE("error_type", "error.type"),

	/** The message of the exception. */
	ERROR_MESSAGE("error_message", "error.message"),

	/**
	 * What groups the exception with others of its kind: its type, its first application
	 * frame and its message without the variable parts.
	 */
	ERROR_FINGERPRINT("error_fingerprint", custom("error_fingerprint")),

	/** The stack trace of the exception. */
	STACK_TRACE("stack_trace", "error.stack_trace"),

	/** The trace ID, from Micrometer Tracing's MDC entry or the application's own. */
	TRACE_ID("trace_id", "trace.id", "traceId", "trace_id"),

	/** The span ID, from Micrometer Tracing's MDC entry or the application's own. */
	SPAN_ID("span_id", "span.id", "spanId", "span_id"),

	/** The correlation ID of the request or task. */
	CORRELATION_ID("correlation_id", custom("correlation_id"), CorrelationId.MDC_KEY),

	/** The request's method. */
	HTTP_METHOD("http_method", "http.request.method"),

	/** The request's path, without the query, decoded and masked. */
	HTTP_PATH("http_path", "url.path"),

	/** The matched route template. */
	HTTP_ROUTE("http_route", custom("http_route")),

	/** The query string. */
	HTTP_QUERY("http_query", "url.query"),

	/** The response status. */
	HTTP_STATUS("http_status", "http.response.status_code"),

	/**
	 * The request's duration: milliseconds to the microsecond in the default layout,
	 * nanoseconds in the ecs layout.
	 */
	DURATION("duration_ms", "event.duration"),

	/** The request's performance tier: fast, normal, slow or very_slow. */
	PERFORMANCE_TIER("performance_tier", custom("performance_tier")),

	/** The size of the request body. */
	REQUEST_BYTES("request_bytes", "http.request.body.bytes"),

	/** The size of the response body as written. */
	RESPONSE_BYTES("response_bytes", "http.response.body.bytes"),

	/** The client address. */
	CLIENT_IP("client_ip", "client.ip"),

	/** The User-Agent header. */
	USER_AGENT("user_agent", "user_agent.original"),

	/** The client's country, ISO 3166, from the GeoIP database. */
	CLIENT_COUNTRY("client_country", "client.geo.country_iso_code"),

	/** The client's region, from the GeoIP database. */
	CLIENT_REGION("client_region", "client.geo.region_name"),

	/** The client's city, from the GeoIP database. */
	CLIENT_CITY("client_city", "client.geo.city_name"),

	/** The autonomous system number of the client address, from the GeoIP database. */
	CLIENT_ASN("client_asn", "client.as.number"),

	/** The organization of that autonomous system. */
	CLIENT_AS_ORGANIZATION("client_as_organization", "client.as.organization.name"),

	/** The authenticated user of the request. */
	USER_NAME("user_name", "user.name"),

	/** JDBC statements run on the request's thread. */
	DB_QUERY_COUNT("db_query_count", custom("db_query_count")),

	/** Time spent in those statements, in milliseconds. */
	DB_TIME("db_time_ms", custom("db_time_ms")),

	/** Heap in use when the request finished, in megabytes. */
	MEMORY_USED("memory_used_mb", custom("memory_used_mb")),

	/** Whether an incoming correlation ID was invalid and replaced. */
	CORRELATION_ID_REJECTED("correlation_id_rejected", custom("correlation_id_rejected")),

	/** The start of the request body. */
	HTTP_REQUEST_BODY("http_request_body", "http.request.body.content"),

	/** Whether the request body was cut. */
	HTTP_REQUEST_BODY_TRUNCATED("http_request_body_truncated", custom("http_request_body_truncated")),

	/** The start of the response body. */
	HTTP_RESPONSE_BODY("http_response_body", "http.response.body.content"),

	/** Whether the response body was cut. */
	HTTP_RESPONSE_BODY_TRUNCATED("http_response_body_truncated", custom("http_response_body_truncated")),

	/** The audit event type, such as AUTHENTICATION_FAILURE. */
	AUDIT_EVENT("audit_event", "event.action"),

	/** What was done, such as login or delete. */
	AUDIT_ACTION("audit_action", custom("audit_action")),

	/** How it went: success, failure or denied. */
	AUDIT_OUTCOME("audit_outcome", custom("audit_outcome")),

	/** Who did it. */
	AUDIT_PRINCIPAL("audit_principal", "user.name"),

	/** The kind of thing it was done to. */
	AUDIT_RESOURCE_TYPE("audit_resource_type", custom("audit_resource_type")),

	/** Which one. */
	AUDIT_RESOURCE_ID("audit_resource_id", custom("audit_resource_id")),

	/** Why it failed or was denied. */
	AUDIT_REASON("audit_reason", "event.reason"),

	/** Anything else recorded, as an object. */
	AUDIT_DETAILS("audit_details", custom("audit_details")),

	/** When the record was made, by the trail's own clock. */
	AUDIT_TIME("audit_time", "event.created"),

	/** The record's place in the chain. */
	AUDIT_SEQUENCE("audit_sequence", "event.sequence"),

	/** The hash of the record before. */
	AUDIT_PREVIOUS_HASH("audit_prev_hash", custom("audit_prev_hash")),

	/** The hash of this record, chained to the one before. */
	AUDIT_HASH("audit_hash", "event.hash"),

	/** The outcome in ECS's words (success or failure), in the ecs layout only. */
	EVENT_OUTCOME(null, "event.outcome"),

	/** Whether an audit record is an event or an alert, in the ecs layout only. */
	EVENT_KIND(null, "event.kind"),

	/** ECS categories of an audit record, such as authentication, in the ecs layout only. */
	EVENT_CATEGORY(null, "event.category"),

	/** Marks the events written by the log API's test endpoint. */
	TEST_EVENT("test_event", custom("test_event")),

	/** Marks an event whose longest values were cut to fit the longest line, or a backend's limit. */
	EVENT_TRUNCATED("event_truncated", custom("event_truncated")),

	/** The alert rule an alert's line is about. */
	ALERT_RULE("alert_rule", "rule.name"),

	/** How urgent the alert is: {@code critical}, {@code warning}, {@code info}. */
	ALERT_SEVERITY("alert_severity", custom("alert_severity")),

	/** Whether the rule fires or stopped: {@code firing}, {@code resolved}. */
	ALERT_STATE("alert_state", custom("alert_state")),

	/** The value the rule measured. */
	ALERT_VALUE("alert_value", custom("alert_value")),

	/** The rule's threshold. */
	ALERT_THRESHOLD("alert_threshold", custom("alert_threshold")),

	/** How many events like this one a burst limit left out. */
	SUPPRESSED_COUNT("suppressed_count", custom("suppressed_count")),

	/** Marks a DEBUG event kept back and written because its request failed. */
	DEBUG_REPLAY("debug_replay", custom("debug_replay"));

	/** Namespace of the fields the Elastic Common Schema has no field for. */
	public static final String CUSTOM_NAMESPACE = "structured";

	private final @Nullable String defaultName;

	private final String ecsName;

	private final List<String> mdcKeys;

	LogField(@Nullable String defaultName, String ecsName, String... mdcKeys) {
		this.defaultName = defaultName;
		this.ecsName = ecsName;
		this.mdcKeys = List.of(mdcKeys);
	}

	private static String custom(String name) {
		return CUSTOM_NAMESPACE + "." + name;
	}

	/**
	 * Return the field's name in the given layout.
	 * @param layout the layout
	 * @return the name, {@code null} when the layout does not write this field
	 */
	public @Nullable String nameIn(JsonLayout layout) {
		return (layout == JsonLayout.ECS) ? this.ecsName : this.defaultName;
	}

	/**
	 * Return the field's name in the ecs layout, which writes every field.
	 * @return the name
	 */
	public String ecsName() {
		return this.ecsName;
	}

	/**
	 * Return the field's name in the default layout, which is also the key it is logged
	 * with and the name the audit hash covers.
	 * @return the name
	 * @throws IllegalStateException for a field the default layout does not write
	 */
	public String key() {
		if (this.defaultName == null) {
			throw new IllegalStateException(name() + " is written in the ecs layout only");
		}
		return this.defaultName;
	}

	/**
	 * Return this field of a written line, whichever layout wrote it.
	 * @param line the line
	 * @return the field's node, a missing node when the line has none
	 */
	public JsonNode in(JsonNode line) {
		if (this.defaultName != null && line.has(this.defaultName)) {
			return line.path(this.defaultName);
		}
		return line.path(this.ecsName);
	}

	/**
	 * Return the field a line's key names, in either layout.
	 * @param name the key, such as {@code duration_ms} or {@code event.duration}
	 * @return the field, {@code null} for a key of the application's own
	 */
	public static @Nullable LogField named(String name) {
		return Names.BY_NAME.get(name);
	}

	/**
	 * Return the MDC keys the field is read from, in order of preference.
	 * @return the keys, empty for a field that does not come from the MDC
	 */
	public List<String> mdcKeys() {
		return this.mdcKeys;
	}

	/**
	 * Return the value of this field in an MDC, under the first of its keys set.
	 * @param mdc looks a key up: an event's MDC map's {@code get}, or {@code MDC::get}
	 * @return the value, {@code null} when none of its keys is set
	 */
	public @Nullable String fromMdc(Function<String, @Nullable String> mdc) {
		for (String key : this.mdcKeys) {
			String value = mdc.apply(key);
			if (value != null) {
				return value;
			}
		}
		return null;
	}

	// Built once the constants exist.
	private static final class Names {

		private static final Map<String, LogField> BY_NAME = byName();

		private static Map<String, LogField> byName() {
			Map<String, LogField> byName = new HashMap<>();
			for (LogField field : values()) {
				byName.putIfAbsent(field.ecsName, field);
				if (field.defaultName != null) {
					byName.put(field.defaultName, field);
				}
			}
			return Map.copyOf(byName);
		}

	}

}
