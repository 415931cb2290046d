package io.github.structuredlogging.alerting;

import java.util.Locale;

/**
 * How urgent an alert is; each severity has its own list of webhooks.
 */
public enum AlertSeverity {

	/**
	 * Someone must act now.
	 */
	CRITICAL,

	/**
	 * Something is wrong and will get worse.
	 */
	WARNING,

	/**
	 * Worth knowing.
	 */
	INFO;

	/**
	 * Return the severity as written in alerts.
	 * @return the lower-case name
	 */
	public String label() {
		return name().toLowerCase(Locale.ROOT);
	}

}
