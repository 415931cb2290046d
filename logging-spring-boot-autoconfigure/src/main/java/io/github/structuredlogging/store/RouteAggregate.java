package io.github.structuredlogging.store;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.structuredlogging.http.PerformanceTier;
import org.HdrHistogram.PackedHistogram;

/**
 * The requests of one route in one minute, or a window of minutes merged: count, server
 * errors, tiers and a histogram of durations in microseconds. Packed, so that a minute
 * with few requests takes little memory.
 */
final class RouteAggregate {

	private static final int SIGNIFICANT_DIGITS = 3;

	private final PackedHistogram durations = new PackedHistogram(SIGNIFICANT_DIGITS);

	private final EnumMap<PerformanceTier, Long> tiers = new EnumMap<>(PerformanceTier.class);

	private long serverErrors;

	synchronized void record(long durationMicros, int status, PerformanceTier tier) {
		this.durations.recordValue(Math.max(1, durationMicros));
		this.tiers.merge(tier, 1L, Long::sum);
		if (status >= 500) {
			this.serverErrors++;
		}
	}

	synchronized void addTo(RouteAggregate total) {
		total.durations.add(this.durations);
		this.tiers.forEach((tier, count) -> total.tiers.merge(tier, count, Long::sum));
		total.serverErrors += this.serverErrors;
	}

	RouteSummary summarize(String route) {
		long count = this.durations.getTotalCount();
		Map<String, Long> tierCounts = new LinkedHashMap<>();
		for (PerformanceTier tier : PerformanceTier.values()) {
			tierCounts.put(tier.value(), this.tiers.getOrDefault(tier, 0L));
		}
		return new RouteSummary(route, count, this.serverErrors,
				(count > 0) ? (double) this.serverErrors / count : 0, percentile(50), percentile(95), percentile(99),
				(count > 0) ? millis(this.durations.getMaxValue()) : 0, tierCounts);
	}

	private double percentile(double percentile) {
		return (this.durations.getTotalCount() > 0) ? millis(this.durations.getValueAtPercentile(percentile)) : 0;
	}

	private static double millis(long micros) {
		return micros / 1000.0;
	}

}
