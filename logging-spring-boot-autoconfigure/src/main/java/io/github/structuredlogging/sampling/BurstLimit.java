package io.github.structuredlogging.sampling;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import io.github.structuredlogging.json.LogField;
import io.github.structuredlogging.logback.DroppedEvents;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;

/**
 * Lets at most a number of events per second through for each logger and message
 * template, and leaves out the rest of a burst, counted; when the burst is over, one line
 * from the same logger, at the burst's highest level, says how many were left out
 * ({@code suppressed_count}). Audit records never pass here; performance lines each have
 * their own values and template, so are never a burst of one message.
 */
public final class BurstLimit extends TurboFilter {

	// Enough for every distinct message of an application; beyond it, new ones are not limited.
	private static final int MAX_MESSAGES = 10_000;

	private final int maxPerSecond;

	private final Clock clock;

	private final DroppedEvents counts;

	private final Map<Message, Window> windows = new ConcurrentHashMap<>();

	/**
	 * Create the limit.
	 * @param maxPerSecond how many events of one message pass each second
	 * @param clock the clock
	 * @param counts counts the events left out
	 */
	public BurstLimit(int maxPerSecond, Clock clock, DroppedEvents counts) {
		this.maxPerSecond = maxPerSecond;
		this.clock = clock;
		this.counts = counts;
	}

	@Override
	public FilterReply decide(@Nullable Marker marker, Logger logger, Level level, @Nullable String format,
			@Nullable Object[] params, @Nullable Throwable t) {
		if (format == null || !level.isGreaterOrEqual(logger.getEffectiveLevel())) {
			return FilterReply.NEUTRAL;
		}
		Message message = new Message(logger.getName(), format);
		Window window = this.windows.get(message);
		if (window == null) {
			if (this.windows.size() >= MAX_MESSAGES) {
				return FilterReply.NEUTRAL;
			}
			window = this.windows.computeIfAbsent(message, (key) -> new Window());
		}
		if (window.admit(this.clock.millis() / 1000, this.maxPerSecond, level)) {
			return FilterReply.NEUTRAL;
		}
		this.counts.countSuppressed();
		return FilterReply.DENY;
	}

	/**
	 * Write one line for each burst that is over: a second has passed without an event of
	 * its message being left out. Called every second, and once more at the end.
	 * @param all whether every burst counts as over, as at shutdown
	 */
	public void summarize(boolean all) {
		long second = this.clock.millis() / 1000;
		this.windows.forEach((message, window) -> {
			Window.Burst burst = window.endedBefore(all ? Long.MAX_VALUE : second);
			if (burst != null) {
				LoggerFactory.getLogger(message.logger())
					.atLevel(org.slf4j.event.Level.valueOf(burst.level().toString()))
					.addKeyValue(LogField.SUPPRESSED_COUNT.key(), burst.suppressed())
					.log("Suppressed {} more events like: {}", burst.suppressed(), message.template());
			}
		});
	}

	private record Message(String logger, String template) {

	}

	// The count of one message in the current second, and what a burst of it has left out.
	private static final class Window {

		private long second = -1;

		private int passed;

		private long suppressed;

		private long lastSuppressedSecond;

		private Level highest = Level.TRACE;

		synchronized boolean admit(long now, int max, Level level) {
			if (now != this.second) {
				this.second = now;
				this.passed = 0;
			}
			if (this.passed < max) {
				this.passed++;
				return true;
			}
			this.suppressed++;
			this.lastSuppressedSecond = now;
			if (level.isGreaterOrEqual(this.highest)) {
				this.highest = level;
			}
			return false;
		}

		synchronized @Nullable Burst endedBefore(long now) {
			if (this.suppressed == 0 || this.lastSuppressedSecond >= now) {
				return null;
			}
			Burst burst = new Burst(this.suppressed, this.highest);
			this.suppressed = 0;
			this.highest = Level.TRACE;
			return burst;
		}

		record Burst(long suppressed, Level level) {

		}

	}

}
