package io.github.structuredlogging.alerting;

import java.time.Instant;
import java.util.Locale;

import io.github.structuredlogging.store.EventStore;

/**
 * Fires while ERROR events per minute, over the window, are above the threshold.
 */
public final class ErrorRateRule implements AlertRule {

	private final EventStore store;

	private final RuleSettings settings;

	/**
	 * Create the rule.
	 * @param store the store, which counts the events of every level
	 * @param settings errors per minute, and the window (at most 15 minutes)
	 */
	public ErrorRateRule(EventStore store, RuleSettings settings) {
		this.store = store;
		this.settings = settings;
	}

	@Override
	public String name() {
		return "error-rate";
	}

	@Override
	public AlertSeverity severity() {
		return this.settings.severity();
	}

	@Override
	public Check check(Instant now) {
		int seconds = (int) this.settings.window().toSeconds();
		long errors = this.store.counts().errorsWithin(now.toEpochMilli(), seconds);
		double perMinute = errors * 60.0 / seconds;
		return new Check(perMinute > this.settings.threshold(), perMinute, this.settings.threshold(),
				String.format(Locale.ROOT, "%.1f ERROR events per minute over the last %s (threshold %.1f)", perMinute,
						this.settings.windowText(), this.settings.threshold()));
	}

}
