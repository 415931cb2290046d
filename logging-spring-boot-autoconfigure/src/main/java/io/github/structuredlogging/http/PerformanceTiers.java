package io.github.structuredlogging.http;

import java.time.Duration;

/**
 * The thresholds between the performance tiers.
 *
 * @param normal where {@link PerformanceTier#NORMAL} starts
 * @param slow where {@link PerformanceTier#SLOW} starts
 * @param verySlow where {@link PerformanceTier#VERY_SLOW} starts
 */
public record PerformanceTiers(Duration normal, Duration slow, Duration verySlow) {

	public PerformanceTiers {
		if (normal.compareTo(slow) > 0 || slow.compareTo(verySlow) > 0) {
			throw new IllegalArgumentException("Thresholds must not decrease: normal " + normal + ", slow " + slow
					+ ", very slow " + verySlow);
		}
	}

	/**
	 * Return the tier of a request that took the given time.
	 * @param nanos the request's duration in nanoseconds
	 * @return the tier
	 */
	public PerformanceTier tierOf(long nanos) {
		if (nanos >= this.verySlow.toNanos()) {
			return PerformanceTier.VERY_SLOW;
		}
		if (nanos >= this.slow.toNanos()) {
			return PerformanceTier.SLOW;
		}
		return (nanos >= this.normal.toNanos()) ? PerformanceTier.NORMAL : PerformanceTier.FAST;
	}

}
