package io.github.structuredlogging.alerting;

import java.time.Instant;
import java.util.Locale;

import io.github.structuredlogging.http.PerformanceTier;
import io.github.structuredlogging.http.RequestStatistics;
import io.github.structuredlogging.http.RouteSummary;

/**
 * Fires while the share of {@code very_slow} requests over the window is above the
 * threshold, once the window holds enough requests to tell.
 */
public final class VerySlowShareRule implements AlertRule {

	private final RequestStatistics requests;

	private final RuleSettings settings;

	private final int minRequests;

	/**
	 * Create the rule.
	 * @param requests the per-minute request statistics
	 * @param settings the share, from 0 to 1, and the window (whole minutes)
	 * @param minRequests the fewest requests in the window for the rule to fire
	 */
	public VerySlowShareRule(RequestStatistics requests, RuleSettings settings, int minRequests) {
		this.requests = requests;
		this.settings = settings;
		this.minRequests = minRequests;
	}

	@Override
	public String name() {
		return "very-slow-share";
	}

	@Override
	public AlertSeverity severity() {
		return this.settings.severity();
	}

	@Override
	public Check check(Instant now) {
		RouteSummary all = this.requests.summarize(this.settings.window(), 0).overall();
		long verySlow = all.tiers().getOrDefault(PerformanceTier.VERY_SLOW.value(), 0L);
		double share = (all.count() > 0) ? (double) verySlow / all.count() : 0;
		return new Check(all.count() >= this.minRequests && share > this.settings.threshold(), share,
				this.settings.threshold(),
				String.format(Locale.ROOT, "%.1f%% of %d requests were very slow over the last %s (threshold %.1f%%)",
						share * 100, all.count(), this.settings.windowText(), this.settings.threshold() * 100));
	}

}
