package io.github.structuredlogging.logback;

import java.time.Duration;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.github.structuredlogging.api.LogStreams;

/**
 * Hands events to the stream files on a background thread through a bounded queue. When
 * the queue is nearly full, events below WARN are dropped and counted; WARN and above,
 * and audit events, wait for room instead.
 */
public final class StructuredAsyncAppender extends AsyncAppender {

	private final DroppedEvents droppedEvents;

	/**
	 * Create an appender that counts its drops into the given counter.
	 * @param droppedEvents the counter
	 * @param queueSize the capacity of the queue
	 * @param maxFlushTime how long stopping waits for queued events to be written
	 */
	public StructuredAsyncAppender(DroppedEvents droppedEvents, int queueSize, Duration maxFlushTime) {
		this.droppedEvents = droppedEvents;
		setQueueSize(queueSize);
		// Keep a little room for WARN and above, which wait rather than drop.
		setDiscardingThreshold(Math.max(1, queueSize / 20));
		setMaxFlushTime((int) Math.min(Integer.MAX_VALUE, maxFlushTime.toMillis()));
		setNeverBlock(false);
	}

	@Override
	protected boolean isDiscardable(ILoggingEvent event) {
		// Only reached once the queue is below the discarding threshold.
		boolean discardable = event.getLevel().toInt() < Level.WARN_INT
				&& !LogStreams.AUDIT.equals(LogStreams.streamOf(event.getMarkerList()));
		if (discardable) {
			this.droppedEvents.increment();
		}
		return discardable;
	}

}
