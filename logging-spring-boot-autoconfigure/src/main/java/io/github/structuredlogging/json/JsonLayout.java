package io.github.structuredlogging.json;

/**
 * The field layouts a JSON event can be written in; {@link LogField} names every field in
 * each.
 */
public enum JsonLayout {

	/**
	 * Flat snake_case fields ({@code logger_name}, {@code service_name}, ...), close to
	 * the Logstash JSON format.
	 */
	DEFAULT,

	/**
	 * Elastic Common Schema fields ({@code log.level}, {@code service.name},
	 * {@code http.request.method}, ...), with fields ECS has no name for under
	 * {@value LogField#CUSTOM_NAMESPACE}.
	 */
	ECS

}
