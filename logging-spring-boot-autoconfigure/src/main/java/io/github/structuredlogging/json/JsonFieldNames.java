package io.github.structuredlogging.json;

/**
 * The names of the fields a {@link JsonLayout} writes: the JSON schema, in one place.
 *
 * @param timestamp when the event happened, ISO-8601 in UTC
 * @param level the event's level
 * @param logger the logger's name
 * @param thread the thread's name
 * @param message the formatted message
 * @param serviceName the service that wrote the event
 * @param serviceVersion the version of that service, when known
 * @param environment the deployment environment
 * @param hostName the host the service runs on
 * @param logStream the stream the event belongs to
 * @param errorType the class name of the exception
 * @param errorMessage the message of the exception
 * @param stackTrace the stack trace of the exception
 * @param traceId the trace ID, when a tracer is active
 * @param spanId the span ID, when a tracer is active
 */
public record JsonFieldNames(String timestamp, String level, String logger, String thread, String message,
		String serviceName, String serviceVersion, String environment, String hostName, String logStream,
		String errorType, String errorMessage, String stackTrace, String traceId, String spanId) {

	/** Names of the default layout. */
	public static final JsonFieldNames DEFAULT = new JsonFieldNames("@timestamp", "level", "logger_name",
			"thread_name", "message", "service_name", "service_version", "environment", "host_name", "log_stream",
			"error_type", "error_message", "stack_trace", "trace_id", "span_id");

	/** Names of the Elastic Common Schema layout. */
	public static final JsonFieldNames ECS = new JsonFieldNames("@timestamp", "log.level", "log.logger",
			"process.thread.name", "message", "service.name", "service.version", "service.environment", "host.name",
			"event.dataset", "error.type", "error.message", "error.stack_trace", "trace.id", "span.id");

}
