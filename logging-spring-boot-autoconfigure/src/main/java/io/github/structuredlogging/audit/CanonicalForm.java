package io.github.structuredlogging.audit;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
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
	static final List<LogField> HASHED = List.of(LogField.TIMESTAMP, LogField.LEVEL, LogField.MESSAGE,
			LogField.AUDIT_EVENT, LogField.AUDIT_ACTION,
			LogField.AUDIT_OUTCOME, LogField.AUDIT_PRINCIPAL, LogField.AUDIT_RESOURCE_TYPE,
			LogField.AUDIT_RESOURCE_ID, LogField.AUDIT_REASON, LogField.AUDIT_DETAILS, LogField.CLIENT_IP,
			LogField.USER_AGENT, LogField.CLIENT_COUNTRY, LogField.CLIENT_REGION, LogField.CLIENT_CITY,
			LogField.CLIENT_ASN, LogField.CLIENT_AS_ORGANIZATION, LogField.CORRELATION_ID, LogField.TRACE_ID, LogField.AUDIT_TIME,
			LogField.AUDIT_SEQUENCE);

	/**
	 * Return a written timestamp in the one spelling the hash covers.
	 * @param written the timestamp as written, ISO-8601 with an offset
	 * @return the instant as {@link Instant#toString()} spells it, or the text as it is
	 * when it is not a timestamp
	 */
	static String instant(String written) {
		try {
			return Instant.from(DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(written)).toString();
		}
		catch (DateTimeException ex) {
			return written;
		}
	}

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
