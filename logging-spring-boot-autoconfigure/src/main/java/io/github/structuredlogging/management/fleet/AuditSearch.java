package io.github.structuredlogging.management.fleet;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

import io.github.structuredlogging.json.LogField;
import io.github.structuredlogging.management.InvalidParameterException;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /audit} in fleet scope: every instance's audit records, newest first, filtered
 * as in local scope, a page at a time. The cursor of the next page is the last record's
 * sort values (time, then hash), encoded; it is only ever read back as JSON values.
 */
final class AuditSearch {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private AuditSearch() {
	}

	static ObjectNode body(FleetScope scope, @Nullable String event, @Nullable String principal,
			@Nullable String outcome, String since, String until, int limit, @Nullable String cursor) {
		ObjectNode body = FleetClient.body();
		body.put("size", limit);
		body.put("track_total_hits", false);
		ArrayNode sort = body.putArray("sort");
		sort.addObject().putObject(LogField.TIMESTAMP.key()).put("order", "desc");
		// An index without audit records has no such field to sort on.
		sort.addObject().putObject(scope.field(LogField.AUDIT_HASH)).put("order", "desc").put("unmapped_type",
				"keyword");
		if (cursor != null) {
			body.set("search_after", decode(cursor));
		}
		ArrayNode filters = body.putObject("query").putObject("bool").putArray("filter");
		filters.addAll(scope.filters());
		filters.add(FleetScope.timeRange(since, until));
		if (event != null) {
			filters.add(FleetScope.term(scope.field(LogField.AUDIT_EVENT), event));
		}
		if (principal != null) {
			filters.add(FleetScope.term(scope.field(LogField.AUDIT_PRINCIPAL), principal));
		}
		if (outcome != null) {
			filters.add(FleetScope.term(scope.field(LogField.AUDIT_OUTCOME), outcome.toLowerCase(Locale.ROOT)));
		}
		return body;
	}

	static FleetAuditPage read(JsonNode answer, int limit) {
		List<JsonNode> records = new ArrayList<>();
		JsonNode last = null;
		for (JsonNode hit : answer.path("hits").path("hits")) {
			records.add(hit.path("_source"));
			last = hit.path("sort");
		}
		String next = (records.size() == limit && last != null && last.isArray()) ? encode(last) : null;
		return new FleetAuditPage(records, next);
	}

	private static String encode(JsonNode sort) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(sort.toString().getBytes(StandardCharsets.UTF_8));
	}

	// Only a time and a hash, as this answer gave them, are taken back.
	private static JsonNode decode(String cursor) {
		try {
			JsonNode sort = MAPPER.readTree(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
			if (sort.isArray() && sort.size() == 2 && sort.get(0).isNumber() && sort.get(1).isString()) {
				return sort;
			}
		}
		catch (IllegalArgumentException | JacksonException ex) {
			// Not a cursor: refused below.
		}
		throw new InvalidParameterException("cursor", "not a cursor returned as 'next_cursor'");
	}

}
