package io.github.structuredlogging.logback;

import java.util.concurrent.atomic.LongAdder;

import ch.qos.logback.core.Context;
import org.jspecify.annotations.Nullable;

/**
 * Counts events that were dropped because the asynchronous file queue was full. One
 * instance lives in each logback context, so that health and metrics can read it.
 */
public final class DroppedEvents {

	private static final String CONTEXT_KEY = DroppedEvents.class.getName();

	private final LongAdder count = new LongAdder();

	/**
	 * Create a counter that belongs to no logback context.
	 */
	public DroppedEvents() {
	}

	/**
	 * Return the counter of the given logback context, creating it when missing.
	 * @param context the logback context
	 * @return the counter
	 */
	public static synchronized DroppedEvents of(Context context) {
		DroppedEvents existing = find(context);
		if (existing != null) {
			return existing;
		}
		DroppedEvents created = new DroppedEvents();
		context.putObject(CONTEXT_KEY, created);
		return created;
	}

	/**
	 * Return the counter of the given logback context, if it has one.
	 * @param context the logback context
	 * @return the counter or {@code null}
	 */
	public static @Nullable DroppedEvents find(Context context) {
		return (context.getObject(CONTEXT_KEY) instanceof DroppedEvents events) ? events : null;
	}

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
