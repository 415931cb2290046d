package io.github.structuredlogging.json;

/**
 * The field layouts a JSON event can be written in.
 */
public enum JsonLayout {

	/**
	 * Flat snake_case fields ({@code logger_name}, {@code service_name}, ...), close to
	 * the Logstash JSON format.
	 */
	DEFAULT(JsonFieldNames.DEFAULT),

	/**
	 * Elastic Common Schema fields ({@code log.level}, {@code service.name}, ...).
	 */
	ECS(JsonFieldNames.ECS);

	private final JsonFieldNames fieldNames;

	JsonLayout(JsonFieldNames fieldNames) {
		this.fieldNames = fieldNames;
	}

	/**
	 * Return the names of the fields this layout writes.
	 * @return the field names
	 */
	public JsonFieldNames fieldNames() {
		return this.fieldNames;
	}

}
