package io.github.structuredlogging.alerting;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.github.structuredlogging.shipping.ShipperReport;
import io.github.structuredlogging.shipping.Shipping;

/**
 * Fires while a shipper has been failing for longer than the window.
 */
public final class ShipperFailingRule implements AlertRule {

	private final Shipping shipping;

	private final RuleSettings settings;

	/**
	 * Create the rule.
	 * @param shipping the shippers
	 * @param settings the window: how long a shipper may fail before the rule fires
	 */
	public ShipperFailingRule(Shipping shipping, RuleSettings settings) {
		this.shipping = shipping;
		this.settings = settings;
	}

	@Override
	public String name() {
		return "shipper-failing";
	}

	@Override
	public AlertSeverity severity() {
		return this.settings.severity();
	}

	@Override
	public Check check(Instant now) {
		List<String> failing = new ArrayList<>();
		double longest = 0;
		for (ShipperReport report : this.shipping.reports()) {
			Instant since = report.failingSince();
			if (since != null && !since.plus(this.settings.window()).isAfter(now)) {
				long minutes = Duration.between(since, now).toMinutes();
				longest = Math.max(longest, minutes);
				failing.add(String.format(Locale.ROOT, "'%s' for %d min (%s)", report.name(), minutes,
						report.lastError()));
			}
		}
		return new Check(!failing.isEmpty(), longest, this.settings.window().toMinutes(),
				failing.isEmpty() ? "No shipper has failed for longer than " + this.settings.windowText()
						: "Shipping failing: " + String.join("; ", failing));
	}

}
