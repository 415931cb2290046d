package io.github.structuredlogging.testing;

import java.util.List;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Finds audit records read from an audit file.
 */
public final class AuditRecordLines {

	private AuditRecordLines() {
	}

	/**
	 * Return the one record of the given event under the given correlation ID.
	 * @param records the records
	 * @param correlationId the correlation ID
	 * @param event the event type
	 * @return the record
	 */
	public static JsonNode only(List<JsonNode> records, String correlationId, String event) {
		List<JsonNode> matching = records.stream()
			.filter((record) -> correlationId.equals(record.path("correlation_id").asString()))
			.filter((record) -> event.equals(record.path("audit_event").asString()))
			.toList();
		assertThat(matching).as("%s records of %s", event, correlationId).hasSize(1);
		return matching.get(0);
	}

}
