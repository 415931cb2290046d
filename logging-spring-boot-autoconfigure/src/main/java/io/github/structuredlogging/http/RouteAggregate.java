package io.github.structuredlogging.http;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.PackedConcurrentHistogram;

/**
 * The requests of one route in one minute, or of a window of minutes merged: count,
 * server errors, tiers and a histogram of durations in microseconds, from 1 µs to an hour,
 * to two significant digits (1%); longer requests count as an hour. A minute's histogram is packed, so that a minute with
 * few requests takes little memory; a window's is not, so that merging minutes into it is
 * quick. A minute's counts are recorded without a lock (request threads that queued on
 * one, on a busy core, waited for a whole time slice whenever its holder was descheduled);
 * merging reads them while requests go on, so a window may lag by the requests recorded
 * meanwhile.
 */
final class RouteAggregate {

	private static final long LONGEST_MICROS = TimeUnit.HOURS.toMicros(1);

	private static final int SIGNIFICANT_DIGITS = 2;

	private final Histogram durations;

	private final AtomicLongArray tiers = new AtomicLongArray(PerformanceTier.values().length);

	private final LongAdder serverErrors = new LongAdder();

	private RouteAggregate(Histogram durations) {
		this.durations = durations;
	}

	/**
	 * Create the aggregate of one minute.
	 * @return an empty aggregate that takes little memory
	 */
	static RouteAggregate minute() {
		return new RouteAggregate(new PackedConcurrentHistogram(1, LONGEST_MICROS, SIGNIFICANT_DIGITS));
	}

	/**
	 * Create the aggregate of a window, to merge minutes into.
	 * @return an empty aggregate that merges quickly
	 */
	static RouteAggregate window() {
		return new RouteAggregate(new Histogram(1, LONGEST_MICROS, SIGNIFICANT_DIGITS));
	}

	void record(long durationMicros, int status, PerformanceTier tier) {
		this.durations.recordValue(Math.min(Math.max(1, durationMicros), LONGEST_MICROS));
		this.tiers.incrementAndGet(tier.ordinal());
		if (status >= 500) {
			this.serverErrors.increment();
		}
	}

	void addTo(RouteAggregate total) {
		total.durations.add(this.durations);
		for (int i = 0; i < this.tiers.length(); i++) {
			total.tiers.addAndGet(i, this.tiers.get(i));
		}
		total.serverErrors.add(this.serverErrors.sum());
	}

	RouteSummary summarize(String route) {
		long count = this.durations.getTotalCount();
		Map<String, Long> tierCounts = new LinkedHashMap<>();
		for (PerformanceTier tier : PerformanceTier.values()) {
			tierCounts.put(tier.value(), this.tiers.get(tier.ordinal()));
		}
		long serverErrors = this.serverErrors.sum();
		return new RouteSummary(route, count, serverErrors, (count > 0) ? (double) serverErrors / count : 0,
				percentile(50), percentile(95), percentile(99), (count > 0) ? millis(this.durations.getMaxValue()) : 0,
				tierCounts);
	}

	private double percentile(double percentile) {
		return (this.durations.getTotalCount() > 0) ? millis(this.durations.getValueAtPercentile(percentile)) : 0;
	}

	private static double millis(long micros) {
		return micros / 1000.0;
	}

}
