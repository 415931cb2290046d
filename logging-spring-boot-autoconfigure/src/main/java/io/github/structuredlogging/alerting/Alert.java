package io.github.structuredlogging.alerting;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * One alert sent: a rule that started firing, still fires after the cool-down, or stopped.
 *
 * @param rule the rule's name
 * @param severity how urgent it is
 * @param state {@code firing} or {@code resolved}
 * @param summary what was found
 * @param value the value measured
 * @param threshold the rule's threshold
 * @param startedAt when the rule started firing
 * @param at when this alert was raised
 * @param resolvedAt when the rule stopped firing, {@code null} while it fires
 */
public record Alert(String rule, String severity, String state, String summary, double value, double threshold,
		@JsonProperty("started_at") Instant startedAt, Instant at,
		@JsonProperty("resolved_at") @Nullable Instant resolvedAt) {

	/** State of an alert whose rule fires. */
	public static final String FIRING = "firing";

	/** State of an alert whose rule stopped firing. */
	public static final String RESOLVED = "resolved";

}
