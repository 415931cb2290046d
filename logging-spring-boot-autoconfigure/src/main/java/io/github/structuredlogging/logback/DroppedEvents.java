package io.github.structuredlogging.logback;

import java.util.concurrent.atomic.LongAdder;

/**
 * Counts events that were dropped because the asynchronous file queue was full, for
 * health and metrics to read.
 */
public final class DroppedEvents {

	private final LongAdder count = new LongAdder();

	private volatile long lastDropTime;

	void increment() {
		this.count.increment();
		this.lastDropTime = System.currentTimeMillis();
	}

	/**
	 * Return when the last event was dropped.
	 * @return epoch milliseconds, {@code 0} when none was
	 */
	public long lastDropTime() {
		return this.lastDropTime;
	}

	/**
	 * Return how many events have been dropped since start-up.
	 * @return the number of dropped events
	 */
	public long count() {
		return this.count.sum();
	}

}
