package io.github.structuredlogging.management;

import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import io.github.structuredlogging.http.PerformanceSummary;
import io.github.structuredlogging.http.RequestStatistics;
import io.github.structuredlogging.store.EventStore;
import io.github.structuredlogging.store.StoredEvent;
import org.jspecify.annotations.Nullable;

/**
 * The read operations of the log API and the {@code logs} Actuator endpoint, so that
 * both validate the same parameters and return the same data.
 */
public final class LogManagement {

	/** The most events one request returns. */
	public static final int MAX_LIMIT = 1000;

	/** The parameters of the recent events. */
	public static final Set<String> RECENT_PARAMETERS = with(EventQuery.PARAMETERS, "limit");

	/** The parameters of the performance report. */
	public static final Set<String> PERFORMANCE_PARAMETERS = Set.of("window", "slowest", "route");

	/** The parameters of the statistics. */
	public static final Set<String> STATS_PARAMETERS = Set.of("top");

	private static final String STORE_PROPERTY = "structured-logging.store.enabled=true";

	private final @Nullable EventStore store;

	private final LoggingHealth health;

	private final @Nullable LoggingStatistics statistics;

	private final @Nullable RequestStatistics requests;

	private final Supplier<Map<String, Object>> configuration;

	/**
	 * Create the operations.
	 * @param store the event store, {@code null} when switched off
	 * @param health the health checks
	 * @param statistics the statistics, {@code null} without a store
	 * @param requests the request aggregates, {@code null} without request timing
	 * @param configuration the effective configuration
	 */
	public LogManagement(@Nullable EventStore store, LoggingHealth health, @Nullable LoggingStatistics statistics,
			@Nullable RequestStatistics requests, Supplier<Map<String, Object>> configuration) {
		this.store = store;
		this.health = health;
		this.statistics = statistics;
		this.requests = requests;
		this.configuration = configuration;
	}

	/**
	 * Return the health of logging.
	 * @return the report
	 */
	public HealthReport health() {
		return this.health.check();
	}

	/**
	 * Return the statistics.
	 * @param parameters {@code top}: how many loggers to list
	 * @return the statistics
	 */
	public StatsReport stats(Parameters parameters) {
		parameters.accepting(STATS_PARAMETERS);
		int top = topLoggers(parameters);
		if (this.statistics == null) {
			throw new SectionUnavailableException("stats", STORE_PROPERTY);
		}
		return this.statistics.gather(top);
	}

	/**
	 * Return the newest events that match the query.
	 * @param parameters the filters and {@code limit}
	 * @return the events, newest first
	 */
	public RecentEvents recent(Parameters parameters) {
		parameters.accepting(RECENT_PARAMETERS);
		EventQuery query = EventQuery.from(parameters);
		int limit = parameters.integer("limit", 100, 1, MAX_LIMIT);
		if (this.store == null) {
			throw new SectionUnavailableException("recent", STORE_PROPERTY);
		}
		List<StoredEvent> events = this.store.newestFirst(query, limit);
		return new RecentEvents(events.size(), events.stream().map(JsonLine::of).toList());
	}

	/**
	 * Return the errors of a window, grouped by fingerprint.
	 * @param parameters {@code window} (default 1h, at most 1d) and {@code limit} (default
	 * 20, at most 200)
	 * @return the largest groups
	 */
	public ErrorGroups.Report errors(Parameters parameters) {
		parameters.accepting(ErrorGroups.PARAMETERS);
		Duration window = ErrorGroups.window(parameters);
		int limit = ErrorGroups.limit(parameters);
		if (this.store == null) {
			throw new SectionUnavailableException("errors", STORE_PROPERTY);
		}
		return new ErrorGroups(this.store, Clock.systemUTC()).group(window, limit);
	}

	/**
	 * Return the performance of the requests of a window.
	 * @param parameters {@code window} (default 15m), {@code slowest} (default 10) and
	 * {@code route}, the one route the overall figures, minutes and slowest requests are of
	 * @return the summary
	 */
	public PerformanceSummary performance(Parameters parameters) {
		parameters.accepting(PERFORMANCE_PARAMETERS);
		if (this.requests == null) {
			throw new SectionUnavailableException("performance",
					"structured-logging.http.enabled=true and " + STORE_PROPERTY);
		}
		Duration window = performanceWindow(parameters, this.requests.retention());
		int slowest = parameters.integer("slowest", 10, 0, RequestStatistics.MAX_SLOWEST);
		return this.requests.summarize(window, slowest, parameters.text("route"));
	}

	/**
	 * Read how many of the busiest loggers the statistics list.
	 * @param parameters {@code top}: default 10, from 1 to 1000
	 * @return the number
	 */
	public static int topLoggers(Parameters parameters) {
		return parameters.integer("top", 10, 1, 1000);
	}

	/**
	 * Read the window of a performance summary.
	 * @param parameters {@code window}: default 15 minutes
	 * @param longest the longest window allowed
	 * @return the window
	 */
	public static Duration performanceWindow(Parameters parameters, Duration longest) {
		return parameters.duration("window", Duration.ofMinutes(15), longest);
	}

	/**
	 * Return the effective configuration, secrets masked.
	 * @return the configuration
	 */
	public Map<String, Object> configuration() {
		return this.configuration.get();
	}

	/**
	 * Return the event store.
	 * @return the store, {@code null} when switched off
	 */
	public @Nullable EventStore store() {
		return this.store;
	}

	private static Set<String> with(Set<String> names, String name) {
		Set<String> all = new HashSet<>(names);
		all.add(name);
		return Set.copyOf(all);
	}

	/**
	 * Recent events.
	 *
	 * @param count the number of events returned
	 * @param events the events, newest first, with the fields of the JSON line
	 */
	public record RecentEvents(int count, List<JsonLine> events) {

	}

}
