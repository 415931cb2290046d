package io.github.structuredlogging.management.fleet;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One page of every instance's audit records.
 *
 * @param records the records, newest first, as written
 * @param nextCursor the cursor of the next, older page, {@code null} on the last page
 */
public record FleetAuditPage(List<JsonNode> records, @JsonProperty("next_cursor") @Nullable String nextCursor) {

}
