package io.github.structuredlogging.audit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One security-relevant event: who did what, to what, and how it went.
 *
 * @param event the event type, such as {@code AUTHENTICATION_SUCCESS}
 * @param action what was done, such as {@code login} or {@code delete}
 * @param outcome how it went
 * @param principal who did it, when known
 * @param resourceType the kind of thing it was done to, when any
 * @param resourceId which one, when any
 * @param reason why it failed or was denied, when it did
 * @param details anything else worth keeping; masked before it is written
 */
public record AuditRecord(String event, @Nullable String action, AuditOutcome outcome, @Nullable String principal,
		@Nullable String resourceType, @Nullable String resourceId, @Nullable String reason,
		Map<String, @Nullable Object> details) {

	public AuditRecord {
		Objects.requireNonNull(event, "'event' must not be null");
		Objects.requireNonNull(outcome, "'outcome' must not be null");
		details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
	}

}
