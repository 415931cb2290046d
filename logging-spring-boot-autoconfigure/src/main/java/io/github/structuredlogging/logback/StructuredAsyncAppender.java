package io.github.structuredlogging.logback;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * Hands events to the writer thread (console, stream files, event store) through a
 * bounded queue. When the queue is nearly full, events below WARN are dropped and
 * counted; WARN and above, and audit events, wait for room instead, for a bounded time,
 * after which they too are dropped and counted, so that a stalled writer never blocks the
 * application for good. Events still queued when stopping runs out of time, and events
 * logged after the writer stopped, are counted too.
 */
public final class StructuredAsyncAppender extends AsyncAppender {

	private static final Duration BARRIER_POLL = Duration.ofMillis(20);

	private final DroppedEvents droppedEvents;

	private final Backlog backlog = new Backlog();

	private final UnchainedAuditWarning unchainedAudit = new UnchainedAuditWarning();

	private static final long ROOM_POLL_NANOS = TimeUnit.MICROSECONDS.toNanos(100);

	private final Duration maxFlushTime;

	private final Duration maxWait;

	// WARN and above take the last free places one at a time, so that a place seen free
	// is still free when the event is put.
	private final Object waitingForRoom = new Object();

	/**
	 * Create an appender that counts its drops into the given counter.
	 * @param droppedEvents the counter
	 * @param queueSize the capacity of the queue
	 * @param maxFlushTime how long stopping waits for queued events to be written
	 * @param maxWait how long a WARN, ERROR or audit event waits for room in a full queue
	 */
	public StructuredAsyncAppender(DroppedEvents droppedEvents, int queueSize, Duration maxFlushTime,
			Duration maxWait) {
		this.droppedEvents = droppedEvents;
		this.maxFlushTime = maxFlushTime;
		this.maxWait = maxWait;
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
		boolean wasStarted = isStarted();
		super.stop();
		if (wasStarted) {
			this.droppedEvents.lostAtStop(this.backlog.pending(), "events still queued when the writer stopped "
					+ "(structured-logging.file.async.max-flush-time) were not written");
		}
	}

	@Override
	public void doAppend(ILoggingEvent event) {
		if (!isStarted()) {
			if (!(event instanceof FlushBarrier)) {
				this.droppedEvents.lostAtStop(1, "events logged after the writer stopped were not written");
			}
			return;
		}
		super.doAppend(event);
	}

	@Override
	protected void append(ILoggingEvent event) {
		if (!mustWait(event)) {
			super.append(event);
			return;
		}
		synchronized (this.waitingForRoom) {
			long waitingSince = System.nanoTime();
			while (getRemainingCapacity() == 0) {
				if (System.nanoTime() - waitingSince >= this.maxWait.toNanos() || !isStarted()) {
					this.droppedEvents.importantDropped(this.maxWait);
					return;
				}
				LockSupport.parkNanos(ROOM_POLL_NANOS);
			}
			super.append(event);
		}
	}

	@Override
	protected void preprocess(ILoggingEvent event) {
		super.preprocess(event);
		this.unchainedAudit.check(event);
		// Not discarded: the event goes into the queue now.
		this.backlog.added();
	}

	@Override
	protected boolean isDiscardable(ILoggingEvent event) {
		// Only reached once the queue is below the discarding threshold.
		boolean discardable = !mustWait(event);
		if (discardable) {
			this.droppedEvents.increment();
		}
		return discardable;
	}

	private static boolean mustWait(ILoggingEvent event) {
		return event.getLevel().toInt() >= Level.WARN_INT || event instanceof AuditStreamEvent;
	}

}
