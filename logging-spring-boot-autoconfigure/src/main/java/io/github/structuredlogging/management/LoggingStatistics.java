package io.github.structuredlogging.management;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.structuredlogging.logback.DroppedEvents;
import io.github.structuredlogging.logback.StreamFile;
import io.github.structuredlogging.shipping.Shipping;
import io.github.structuredlogging.store.EventCounts;
import io.github.structuredlogging.store.EventStore;
import org.jspecify.annotations.Nullable;

/**
 * Counts and rates of the events written since start-up, the store's fill and the size
 * of each stream's files.
 */
public final class LoggingStatistics {

	private static final int[] RATE_MINUTES = { 1, 5, 15 };

	private final EventStore store;

	private final DroppedEvents droppedEvents;

	private final @Nullable Path directory;

	private final List<StreamFile> streams;

	private final @Nullable Shipping shipping;

	private final Clock clock;

	private final long startTime;

	/**
	 * Create the statistics.
	 * @param store the event store, which counts every event it is given
	 * @param droppedEvents the counter of dropped events
	 * @param directory the log directory, {@code null} when no files are written
	 * @param streams the stream files
	 * @param clock the clock
	 * @param shipping the shippers, {@code null} when nothing is shipped
	 */
	public LoggingStatistics(EventStore store, DroppedEvents droppedEvents, @Nullable Path directory,
			List<StreamFile> streams, Clock clock, @Nullable Shipping shipping) {
		this.store = store;
		this.droppedEvents = droppedEvents;
		this.directory = directory;
		this.streams = List.copyOf(streams);
		this.clock = clock;
		this.startTime = clock.millis();
		this.shipping = shipping;
	}

	/**
	 * Gather the statistics.
	 * @param topLoggers how many of the busiest loggers to list
	 * @return the statistics
	 */
	public StatsReport gather(int topLoggers) {
		long now = this.clock.millis();
		EventCounts counts = this.store.counts();
		Map<String, Double> eventsPerSecond = new LinkedHashMap<>();
		Map<String, Double> errorsPerMinute = new LinkedHashMap<>();
		for (int minutes : RATE_MINUTES) {
			int seconds = minutes * 60;
			eventsPerSecond.put(minutes + "m", round(counts.eventsWithin(now, seconds) / (double) seconds));
			errorsPerMinute.put(minutes + "m", round(counts.errorsWithin(now, seconds) / (double) minutes));
		}
		return new StatsReport(Duration.ofMillis(now - this.startTime).toSeconds(), this.store.added(),
				counts.byLevel(), counts.byStream(), counts.topLoggers(topLoggers), eventsPerSecond, errorsPerMinute,
				this.droppedEvents.count(), this.droppedEvents.truncated(), this.droppedEvents.sampledOut(),
				this.droppedEvents.suppressed(),
				new StatsReport.Store(this.store.size(), this.store.capacity(), this.store.footprint()), files(),
				(this.shipping != null) ? this.shipping.reports() : List.of());
	}

	private Map<String, StatsReport.StreamFiles> files() {
		Map<String, StatsReport.StreamFiles> files = new LinkedHashMap<>();
		if (this.directory == null) {
			return files;
		}
		for (StreamFile stream : this.streams) {
			Path active = this.directory.resolve(stream.fileName());
			files.put(stream.stream(),
					new StatsReport.StreamFiles(active.toAbsolutePath().toString(), size(active), rolledSize(stream)));
		}
		return files;
	}

	private long rolledSize(StreamFile stream) {
		long total = 0;
		try (DirectoryStream<Path> rolled = Files.newDirectoryStream(this.directory, stream.stream() + ".*.json*")) {
			for (Path file : rolled) {
				total += size(file);
			}
		}
		catch (IOException ex) {
			// Reported as what could be counted.
		}
		return total;
	}

	private static long size(Path file) {
		try {
			return Files.isRegularFile(file) ? Files.size(file) : 0;
		}
		catch (IOException ex) {
			return 0;
		}
	}

	private static double round(double value) {
		return Math.round(value * 1000) / 1000.0;
	}

}
