package io.github.structuredlogging.http;

/**
 * Turns nanoseconds into the decimal milliseconds written in the performance line.
 */
final class Durations {

	private Durations() {
	}

	/**
	 * Return the given nanoseconds as milliseconds, to the microsecond.
	 * @param nanos the duration in nanoseconds
	 * @return the duration in milliseconds, with three decimals at most
	 */
	static double millis(long nanos) {
		return Math.round(nanos / 1_000.0) / 1_000.0;
	}

}
