package io.github.structuredlogging.audit;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.github.structuredlogging.json.LogField;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The form of an audit record that its hash covers: the hashed fields that are present,
 * as compact JSON with keys in order at every depth. Writer and verifier both use it.
 */
final class CanonicalForm {

	private static final JsonMapper MAPPER = JsonMapper.builder()
		.enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
		.build();

	private CanonicalForm() {
	}

	/** Fields the hash covers, when present, under their default names. */
	static final List<LogField> HASHED = List.of(LogField.AUDIT_EVENT, LogField.AUDIT_ACTION,
			LogField.AUDIT_OUTCOME, LogField.AUDIT_PRINCIPAL, LogField.AUDIT_RESOURCE_TYPE,
			LogField.AUDIT_RESOURCE_ID, LogField.AUDIT_REASON, LogField.AUDIT_DETAILS, LogField.CLIENT_IP,
			LogField.USER_AGENT, LogField.CORRELATION_ID, LogField.TRACE_ID, LogField.AUDIT_TIME,
			LogField.AUDIT_SEQUENCE);

	static String of(Map<String, @Nullable Object> fields) {
		Map<String, Object> hashed = new TreeMap<>();
		for (LogField field : HASHED) {
			Object value = fields.get(field.key());
			if (value != null) {
				hashed.put(field.key(), value);
			}
		}
		return MAPPER.writeValueAsString(hashed);
	}

}
