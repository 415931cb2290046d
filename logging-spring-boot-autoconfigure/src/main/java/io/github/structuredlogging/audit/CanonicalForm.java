package io.github.structuredlogging.audit;

import java.util.Map;
import java.util.TreeMap;

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

	static String of(Map<String, @Nullable Object> fields) {
		Map<String, Object> hashed = new TreeMap<>();
		for (String name : AuditFields.HASHED) {
			Object value = fields.get(name);
			if (value != null) {
				hashed.put(name, value);
			}
		}
		return MAPPER.writeValueAsString(hashed);
	}

}
