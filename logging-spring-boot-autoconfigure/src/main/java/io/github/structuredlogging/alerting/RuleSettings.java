package io.github.structuredlogging.alerting;

import java.time.Duration;
import java.util.Objects;

/**
 * The threshold, window and severity of one of the built-in rules.
 *
 * @param threshold the value beyond which the rule fires
 * @param window how far back the rule looks
 * @param severity how urgent its alerts are
 */
public record RuleSettings(double threshold, Duration window, AlertSeverity severity) {

	public RuleSettings {
		Objects.requireNonNull(window, "'window' must not be null");
		Objects.requireNonNull(severity, "'severity' must not be null");
	}

	String windowText() {
		long seconds = this.window.toSeconds();
		return (seconds % 60 == 0) ? (seconds / 60) + "m" : seconds + "s";
	}

}
