package io.github.structuredlogging.alerting;

import java.time.Instant;

/**
 * A condition checked on a schedule. Define beans of this type to add rules of your own.
 */
public interface AlertRule {

	/**
	 * Return the rule's name, written as {@code alert_rule}.
	 * @return the name, such as {@code error-rate}
	 */
	String name();

	/**
	 * Return how urgent the rule's alerts are.
	 * @return the severity
	 */
	AlertSeverity severity();

	/**
	 * Check the condition.
	 * @param now the time of the check
	 * @return what was found
	 */
	Check check(Instant now);

	/**
	 * What a check found.
	 *
	 * @param firing whether the condition holds
	 * @param value the value measured
	 * @param threshold the value beyond which the rule fires
	 * @param summary one sentence for people, naming the value and the window
	 */
	record Check(boolean firing, double value, double threshold, String summary) {

	}

}
