package io.github.structuredlogging.http;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.PackedHistogram;

/**
 * The requests of one route in one minute, or of a window of minutes merged: count,
 * server errors, tiers and a histogram of durations in microseconds, from 1 µs to an hour,
 * to two significant digits (1%); longer requests count as an hour. A minute's histogram is packed, so that a minute with
 * few requests takes little memory; a window's is not, so that merging minutes into it is
 * quick.
 */
final class RouteAggregate {

	private static final long LONGEST_MICROS = TimeUnit.HOURS.toMicros(1);

	private static final int SIGNIFICANT_DIGITS = 2;

	private final Histogram durations;

	private final long[] tiers = new long[PerformanceTier.values().length];

	private long serverErrors;

	private RouteAggregate(Histogram durations) {
		this.durations = durations;
	}

	/**
	 * Create the aggregate of one minute.
	 * @return an empty aggregate that takes little memory
	 */
	static RouteAggregate minute() {
		return new RouteAggregate(new PackedHistogram(1, LONGEST_MICROS, SIGNIFICANT_DIGITS));
	}

	/**
	 * Create the aggregate of a window, to merge minutes into.
	 * @return an empty aggregate that merges quickly
	 */
	static RouteAggregate window() {
		return new RouteAggregate(new Histogram(1, LONGEST_MICROS, SIGNIFICANT_DIGITS));
	}

	synchronized void record(long durationMicros, int status, PerformanceTier tier) {
		this.durations.recordValue(Math.min(Math.max(1, durationMicros), LONGEST_MICROS));
		this.tiers[tier.ordinal()]++;
		if (status >= 500) {
			this.serverErrors++;
		}
	}

	synchronized void addTo(RouteAggregate total) {
		total.durations.add(this.durations);
		for (int i = 0; i < this.tiers.length; i++) {
			total.tiers[i] += this.tiers[i];
		}
		total.serverErrors += this.serverErrors;
	}

	boolean isEmpty() {
		return this.durations.getTotalCount() == 0;
	}

	RouteSummary summarize(String route) {
		long count = this.durations.getTotalCount();
		Map<String, Long> tierCounts = new LinkedHashMap<>();
		for (PerformanceTier tier : PerformanceTier.values()) {
			tierCounts.put(tier.value(), this.tiers[tier.ordinal()]);
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
