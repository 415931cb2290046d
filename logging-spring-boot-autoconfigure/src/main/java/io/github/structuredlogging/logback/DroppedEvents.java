package io.github.structuredlogging.logback;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts events that were lost: dropped because the writer's queue was full, still queued
 * when a shutdown ran out of time, or logged after the writer stopped. Health and metrics
 * read the counts; losses of WARN, ERROR and audit events, and losses at shutdown, are
 * also reported on stderr, at most once per {@value #REPORT_INTERVAL_SECONDS} seconds,
 * since logging itself cannot report them. Events cut to the longest line, and events
 * left out by sampling or a burst limit, are counted here too, apart from the losses.
 */
public final class DroppedEvents {

	private static final long REPORT_INTERVAL_SECONDS = 10;

	private final LongAdder count = new LongAdder();

	private final LongAdder important = new LongAdder();

	private final LongAdder afterStop = new LongAdder();

	private final LongAdder truncated = new LongAdder();

	private final LongAdder sampledOut = new LongAdder();

	private final LongAdder suppressed = new LongAdder();

	private final AtomicLong lastReport = new AtomicLong();

	private volatile long lastDropTime;

	/** Count an event written with its longest values cut, to fit the longest line. */
	void countTruncated() {
		this.truncated.increment();
	}

	/** Count an event left out by sampling, as configured. */
	public void countSampledOut() {
		this.sampledOut.increment();
	}

	/** Count an event suppressed in a burst of its message, as configured. */
	public void countSuppressed() {
		this.suppressed.increment();
	}

	/** Count an event below WARN dropped from a full queue. */
	void increment() {
		this.count.increment();
		this.lastDropTime = System.currentTimeMillis();
	}

	/**
	 * Count a WARN, ERROR or audit event dropped after waiting for room in vain.
	 * @param waited how long it waited
	 */
	void importantDropped(Duration waited) {
		this.important.increment();
		increment();
		report("WARN, ERROR and audit events dropped after waiting " + waited.toMillis()
				+ " ms for room in the writer's queue (structured-logging.file.async.max-wait)");
	}

	/**
	 * Count events the writer could not write before it stopped, or that were logged after.
	 * @param events how many
	 * @param why what happened
	 */
	void lostAtStop(long events, String why) {
		if (events <= 0) {
			return;
		}
		this.afterStop.add(events);
		this.count.add(events);
		this.lastDropTime = System.currentTimeMillis();
		report(why);
	}

	private void report(String what) {
		long now = System.nanoTime();
		long last = this.lastReport.get();
		if ((last == 0 || now - last >= Duration.ofSeconds(REPORT_INTERVAL_SECONDS).toNanos())
				&& this.lastReport.compareAndSet(last, (now != 0) ? now : 1)) {
			PrintStream err = System.err;
			err.println("structured-logging: " + what + "; lost so far: " + count() + " events, of them "
					+ important() + " WARN, ERROR or audit, " + lostAtStop() + " at or after stop");
		}
	}

	/**
	 * Return when the last event was dropped.
	 * @return epoch milliseconds, {@code 0} when none was
	 */
	public long lastDropTime() {
		return this.lastDropTime;
	}

	/**
	 * Return how many events have been lost since start-up, of every kind.
	 * @return the number of lost events
	 */
	public long count() {
		return this.count.sum();
	}

	/**
	 * Return how many WARN, ERROR and audit events were dropped from a full queue.
	 * @return the number
	 */
	public long important() {
		return this.important.sum();
	}

	/**
	 * Return how many events were still queued when a shutdown ran out of time, or were
	 * logged after the writer stopped.
	 * @return the number
	 */
	public long lostAtStop() {
		return this.afterStop.sum();
	}

	/**
	 * Return how many events were written with their longest values cut, being longer
	 * than {@code structured-logging.json.max-event-size}: not lost, but not whole.
	 * @return the number
	 */
	public long truncated() {
		return this.truncated.sum();
	}

	/**
	 * Return how many DEBUG and INFO events sampling left out, as configured: not lost,
	 * but not written either.
	 * @return the number
	 */
	public long sampledOut() {
		return this.sampledOut.sum();
	}

	/**
	 * Return how many events the burst limit suppressed, as configured; each burst ends
	 * with one line that counts them.
	 * @return the number
	 */
	public long suppressed() {
		return this.suppressed.sum();
	}

}
