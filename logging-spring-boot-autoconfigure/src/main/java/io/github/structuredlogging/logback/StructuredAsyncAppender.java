package io.github.structuredlogging.logback;

import java.time.Duration;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * Hands events to the writer thread (console, stream files, event store) through a
 * bounded queue. When the queue is nearly full, events below WARN are dropped and
 * counted; WARN and above, and audit events, wait for room instead.
 */
public final class StructuredAsyncAppender extends AsyncAppender {

	private static final Duration BARRIER_POLL = Duration.ofMillis(20);

	private final DroppedEvents droppedEvents;

	private final Backlog backlog = new Backlog();

	private final Duration maxFlushTime;

	/**
	 * Create an appender that counts its drops into the given counter.
	 * @param droppedEvents the counter
	 * @param queueSize the capacity of the queue
	 * @param maxFlushTime how long stopping waits for queued events to be written
	 */
	public StructuredAsyncAppender(DroppedEvents droppedEvents, int queueSize, Duration maxFlushTime) {
		this.droppedEvents = droppedEvents;
		this.maxFlushTime = maxFlushTime;
		setQueueSize(queueSize);
		// Keep a little room for WARN and above, which wait rather than drop.
		setDiscardingThreshold(Math.max(1, queueSize / 20));
		setMaxFlushTime((int) Math.min(Integer.MAX_VALUE, maxFlushTime.toMillis()));
		setNeverBlock(false);
	}

	/**
	 * Wait until every event appended before this call has been written and flushed.
	 * @param timeout how long to wait at most
	 * @return whether they were written in time; {@code true} when not running
	 */
	public boolean awaitWritten(Duration timeout) {
		if (!isStarted()) {
			return true;
		}
		FlushBarrier barrier = new FlushBarrier();
		doAppend(barrier);
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!barrier.await(BARRIER_POLL)) {
			// Once stopped, whoever stopped the writer waits for what it still holds.
			if (!isStarted() || System.nanoTime() - deadline >= 0) {
				return barrier.await(Duration.ZERO);
			}
		}
		return true;
	}

	Duration maxFlushTime() {
		return this.maxFlushTime;
	}

	Backlog backlog() {
		return this.backlog;
	}

	@Override
	public void start() {
		super.start();
		if (isStarted()) {
			WriterShutdownHook.register(this);
		}
	}

	@Override
	public void stop() {
		WriterShutdownHook.unregister(this);
		super.stop();
	}

	@Override
	protected void preprocess(ILoggingEvent event) {
		super.preprocess(event);
		// Not discarded: the event goes into the queue now.
		this.backlog.added();
	}

	@Override
	protected boolean isDiscardable(ILoggingEvent event) {
		// Only reached once the queue is below the discarding threshold.
		boolean discardable = event.getLevel().toInt() < Level.WARN_INT && !(event instanceof AuditStreamEvent);
		if (discardable) {
			this.droppedEvents.increment();
		}
		return discardable;
	}

}
