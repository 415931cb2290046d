package io.github.structuredlogging.debug;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import io.github.structuredlogging.json.LogField;
import org.jspecify.annotations.Nullable;
import org.slf4j.Marker;
import org.slf4j.event.KeyValuePair;

/**
 * Keeps the DEBUG events a request's thread logs below its loggers' levels in a small
 * buffer of that request, and writes them, marked {@code debug_replay}, only when the
 * request fails: the detail of a failure without the volume of DEBUG everywhere. Bounded
 * per request and across requests; what does not fit is counted.
 */
public final class ErrorReplay extends TurboFilter {

	private final ThreadLocal<@Nullable Buffer> buffers = new ThreadLocal<>();

	private final int maxPerRequest;

	private final int maxTotal;

	private final AtomicInteger buffered = new AtomicInteger();

	private final LongAdder replayed = new LongAdder();

	private final LongAdder overflowed = new LongAdder();

	/**
	 * Create the replay.
	 * @param maxPerRequest the most events one request keeps
	 * @param maxTotal the most events all requests keep together
	 */
	public ErrorReplay(int maxPerRequest, int maxTotal) {
		this.maxPerRequest = maxPerRequest;
		this.maxTotal = maxTotal;
	}

	@Override
	public FilterReply decide(@Nullable Marker marker, Logger logger, Level level, @Nullable String format,
			@Nullable Object[] params, @Nullable Throwable t) {
		Buffer buffer = this.buffers.get();
		if (buffer == null || level.levelInt < Level.DEBUG_INT || level.isGreaterOrEqual(logger.getEffectiveLevel())) {
			return FilterReply.NEUTRAL;
		}
		if (buffer.events.size() >= this.maxPerRequest) {
			this.overflowed.increment();
			return FilterReply.DENY;
		}
		if (this.buffered.incrementAndGet() > this.maxTotal) {
			this.buffered.decrementAndGet();
			this.overflowed.increment();
			return FilterReply.DENY;
		}
		LoggingEvent event = new LoggingEvent(Logger.FQCN, logger, level, format, t, params);
		if (marker != null) {
			event.addMarker(marker);
		}
		// The MDC and the message as they are now, not when the request ends.
		event.prepareForDeferredProcessing();
		buffer.events.add(new Buffered(logger, event));
		return FilterReply.DENY;
	}

	/**
	 * Put the replay in front of every logger of a context.
	 * @param context the logback context
	 */
	public void install(LoggerContext context) {
		setContext(context);
		start();
		context.addTurboFilter(this);
	}

	/**
	 * Take the replay out of its context again.
	 */
	public void uninstall() {
		if (getContext() instanceof LoggerContext context) {
			context.getTurboFilterList().remove(this);
		}
		stop();
	}

	/**
	 * Start keeping the current thread's DEBUG events, for a request (or any unit of
	 * work: a message, a job).
	 */
	public void begin() {
		this.buffers.set(new Buffer());
	}

	/**
	 * Stop keeping the current thread's events, and write them if the request failed.
	 * @param failed whether the request ended with a 5xx status or an exception
	 */
	public void end(boolean failed) {
		Buffer buffer = this.buffers.get();
		this.buffers.remove();
		if (buffer == null) {
			return;
		}
		this.buffered.addAndGet(-buffer.events.size());
		if (!failed) {
			return;
		}
		for (Buffered kept : buffer.events) {
			kept.event().addKeyValuePair(new KeyValuePair(LogField.DEBUG_REPLAY.key(), true));
			kept.logger().callAppenders(kept.event());
			this.replayed.increment();
		}
	}

	/**
	 * Return how many events were written for failed requests.
	 * @return the number
	 */
	public long replayed() {
		return this.replayed.sum();
	}

	/**
	 * Return how many events did not fit in a request's buffer or in the total.
	 * @return the number
	 */
	public long overflowed() {
		return this.overflowed.sum();
	}

	private static final class Buffer {

		private final List<Buffered> events = new ArrayList<>();

	}

	private record Buffered(Logger logger, LoggingEvent event) {

	}

}
