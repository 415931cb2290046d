package io.github.structuredlogging.store;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

import ch.qos.logback.classic.Level;

/**
 * Counts of the events added to a store: totals by level, stream and logger since
 * start-up, and per-second counts over the last fifteen minutes for rates.
 */
public final class EventCounts {

	/** How many distinct loggers are counted by name; the rest are counted together. */
	static final int MAX_LOGGERS = 2000;

	/** The name the loggers beyond {@link #MAX_LOGGERS} are counted under. */
	static final String OTHER_LOGGERS = "(other)";

	private static final int SECONDS = 15 * 60;

	private static final String[] LEVEL_NAMES = { "TRACE", "DEBUG", "INFO", "WARN", "ERROR" };

	private final Map<String, LongAdder> byLogger = new ConcurrentHashMap<>();

	// By stream, then by level (TRACE to ERROR): one count per event, from which the
	// totals by level and by stream are summed when read.
	private final Map<String, LongAdder[]> byStreamAndLevel = new ConcurrentHashMap<>();

	private final AtomicLongArray secondOfSlot = new AtomicLongArray(SECONDS);

	private final AtomicLongArray eventsInSlot = new AtomicLongArray(SECONDS);

	private final AtomicLongArray errorsInSlot = new AtomicLongArray(SECONDS);

	private volatile long lastEventTime;

	void record(StoredEvent event) {
		this.byStreamAndLevel.computeIfAbsent(event.stream(), (stream) -> newAdders())[levelIndex(event.level())]
			.increment();
		String logger = (this.byLogger.size() < MAX_LOGGERS || this.byLogger.containsKey(event.logger()))
				? event.logger() : OTHER_LOGGERS;
		count(this.byLogger, logger);
		long second = event.timestamp() / 1000;
		int slot = (int) (second % SECONDS);
		if (this.secondOfSlot.get(slot) != second) {
			this.secondOfSlot.set(slot, second);
			this.eventsInSlot.set(slot, 0);
			this.errorsInSlot.set(slot, 0);
		}
		this.eventsInSlot.incrementAndGet(slot);
		if (event.level().isGreaterOrEqual(Level.ERROR)) {
			this.errorsInSlot.incrementAndGet(slot);
		}
		this.lastEventTime = event.timestamp();
	}

	private static void count(Map<String, LongAdder> counts, String key) {
		counts.computeIfAbsent(key, (k) -> new LongAdder()).increment();
	}

	/**
	 * Return the number of events of each level since start-up.
	 * @return counts by level name
	 */
	public Map<String, Long> byLevel() {
		Map<String, LongAdder> byLevel = new LinkedHashMap<>();
		for (LongAdder[] levels : this.byStreamAndLevel.values()) {
			for (int i = 0; i < levels.length; i++) {
				long count = levels[i].sum();
				if (count > 0) {
					byLevel.computeIfAbsent(LEVEL_NAMES[i], (name) -> new LongAdder()).add(count);
				}
			}
		}
		return snapshot(byLevel, Integer.MAX_VALUE);
	}

	/**
	 * Return the number of events of a level and stream since start-up.
	 * @param level the level's name
	 * @param stream the stream's name
	 * @return the number of events
	 */
	public long count(String level, String stream) {
		LongAdder[] counts = this.byStreamAndLevel.get(stream);
		return (counts != null) ? counts[levelIndex(Level.toLevel(level))].sum() : 0;
	}

	private static LongAdder[] newAdders() {
		LongAdder[] adders = new LongAdder[5];
		for (int i = 0; i < adders.length; i++) {
			adders[i] = new LongAdder();
		}
		return adders;
	}

	// TRACE, DEBUG, INFO, WARN, ERROR: logback's levels are 5000, 10000, 20000, 30000, 40000.
	private static int levelIndex(Level level) {
		return Math.min(4, Math.max(0, level.toInt() / 10_000));
	}

	/**
	 * Return the number of events of each stream since start-up.
	 * @return counts by stream name
	 */
	public Map<String, Long> byStream() {
		Map<String, LongAdder> byStream = new LinkedHashMap<>();
		this.byStreamAndLevel.forEach((stream, levels) -> {
			LongAdder total = new LongAdder();
			for (LongAdder level : levels) {
				total.add(level.sum());
			}
			byStream.put(stream, total);
		});
		return snapshot(byStream, Integer.MAX_VALUE);
	}

	/**
	 * Return the loggers that wrote the most events since start-up.
	 * @param limit how many loggers to return
	 * @return counts by logger name, highest first
	 */
	public Map<String, Long> topLoggers(int limit) {
		return snapshot(this.byLogger, limit);
	}

	private static Map<String, Long> snapshot(Map<String, LongAdder> counts, int limit) {
		Map<String, Long> snapshot = new LinkedHashMap<>();
		counts.entrySet()
			.stream()
			.map((entry) -> Map.entry(entry.getKey(), entry.getValue().sum()))
			.sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
				.thenComparing(Map.Entry.comparingByKey()))
			.limit(limit)
			.forEach((entry) -> snapshot.put(entry.getKey(), entry.getValue()));
		return snapshot;
	}

	/**
	 * Return how many events happened in the given number of seconds up to now.
	 * @param nowMillis the current time in epoch milliseconds
	 * @param seconds the length of the window, at most fifteen minutes
	 * @return the number of events
	 */
	public long eventsWithin(long nowMillis, int seconds) {
		return sum(this.eventsInSlot, nowMillis, seconds);
	}

	/**
	 * Return how many ERROR events happened in the given number of seconds up to now.
	 * @param nowMillis the current time in epoch milliseconds
	 * @param seconds the length of the window, at most fifteen minutes
	 * @return the number of ERROR events
	 */
	public long errorsWithin(long nowMillis, int seconds) {
		return sum(this.errorsInSlot, nowMillis, seconds);
	}

	private long sum(AtomicLongArray counts, long nowMillis, int seconds) {
		long now = nowMillis / 1000;
		long total = 0;
		for (int i = 0; i < SECONDS; i++) {
			long second = this.secondOfSlot.get(i);
			if (second > now - Math.min(seconds, SECONDS) && second <= now) {
				total += counts.get(i);
			}
		}
		return total;
	}

	/**
	 * Return when the newest event happened.
	 * @return epoch milliseconds, {@code 0} before the first event
	 */
	public long lastEventTime() {
		return this.lastEventTime;
	}

}
