package io.github.structuredlogging.management.fleet;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.structuredlogging.api.LogStreams;
import io.github.structuredlogging.http.PerformanceSummary;
import io.github.structuredlogging.http.RequestStatistics;
import io.github.structuredlogging.management.AuditRecords;
import io.github.structuredlogging.management.ErrorGroups;
import io.github.structuredlogging.management.EventQuery;
import io.github.structuredlogging.management.InvalidParameterException;
import io.github.structuredlogging.management.LogManagement;
import io.github.structuredlogging.management.Parameters;

/**
 * The log API's reads in fleet scope, answered by the log cluster from every instance's
 * shipped events: validated parameters in, the answers of the local reads out (with a
 * window instead of the time since start-up for the statistics, and an opaque cursor for
 * the audit records). Time
 * ranges are bounded to {@link #MAX_RANGE} and result sizes as in local scope.
 */
public final class FleetSearch {

	/** The parameter that selects the scope, {@code local} or {@code fleet}. */
	public static final String SCOPE = "scope";

	/** The parameter that selects another service, or every one with {@code *}. */
	public static final String SERVICE = "service";

	/** The longest time range one fleet read covers. */
	public static final Duration MAX_RANGE = Duration.ofDays(1);

	private static final List<String> EVENT_STREAMS = List.of(LogStreams.APPLICATION, LogStreams.PERFORMANCE,
			LogStreams.AUDIT);

	private final FleetClient client;

	private final FleetScope scope;

	private final Clock clock;

	/**
	 * Create the fleet reads.
	 * @param client the cluster
	 * @param scope the own service's scope
	 * @param clock the clock windows end at
	 */
	public FleetSearch(FleetClient client, FleetScope scope, Clock clock) {
		this.client = client;
		this.scope = scope;
		this.clock = clock;
	}

	/**
	 * Return the newest events of every instance that match the query, newest first.
	 * @param parameters the filters of {@code /recent}, {@code limit} and {@code service};
	 * without {@code since}, the last day
	 * @return the events
	 */
	public LogManagement.RecentEvents recent(Parameters parameters) {
		parameters.accepting(fleet(LogManagement.RECENT_PARAMETERS));
		EventQuery query = EventQuery.from(parameters);
		int limit = parameters.integer("limit", 100, 1, LogManagement.MAX_LIMIT);
		Instant until = (query.until() != null) ? query.until() : this.clock.instant();
		Instant since = (query.since() != null) ? query.since() : until.minus(MAX_RANGE);
		checkRange(since, until);
		FleetScope read = this.scope.of(parameters.text(SERVICE));
		return RecentSearch.read(this.client.search(read.indices(EVENT_STREAMS),
				RecentSearch.body(read, query, since.toString(), until.toString(), limit)));
	}

	/**
	 * Return the performance of every instance's requests of a window.
	 * @param parameters {@code window} (default 15m, at most a day), {@code slowest},
	 * {@code route} and {@code service}
	 * @return the summary
	 */
	public PerformanceSummary performance(Parameters parameters) {
		parameters.accepting(fleet(LogManagement.PERFORMANCE_PARAMETERS));
		Duration window = LogManagement.performanceWindow(parameters, MAX_RANGE);
		int slowest = parameters.integer("slowest", 10, 0, RequestStatistics.MAX_SLOWEST);
		String route = parameters.text("route");
		FleetScope read = this.scope.of(parameters.text(SERVICE));
		Instant since = this.clock.instant().minus(window);
		return PerformanceSearch.read(this.client.search(read.indices(List.of(LogStreams.PERFORMANCE)),
				PerformanceSearch.body(read, since.toString(), route, slowest)), read, window, route);
	}

	/**
	 * Return the errors of every instance in a window, grouped by fingerprint.
	 * @param parameters {@code window} (default 1h, at most a day), {@code limit} (default
	 * 20, at most 200) and {@code service}
	 * @return the largest groups
	 */
	public ErrorGroups.Report errors(Parameters parameters) {
		parameters.accepting(fleet(ErrorGroups.PARAMETERS));
		Duration window = ErrorGroups.window(parameters);
		int limit = ErrorGroups.limit(parameters);
		FleetScope read = this.scope.of(parameters.text(SERVICE));
		Instant until = this.clock.instant();
		return ErrorSearch.read(this.client.search(read.indices(ErrorGroups.STREAMS),
				ErrorSearch.body(read, until.minus(window), until, limit)), window, limit);
	}

	/**
	 * Return the counts of every instance's events.
	 * @param parameters {@code window} (default 15m, at most a day) the counts cover,
	 * {@code top} loggers (default 10) and {@code service}
	 * @return the counts by level, stream, logger and instance, and the rates of the last
	 * 1, 5 and 15 minutes
	 */
	public Map<String, Object> stats(Parameters parameters) {
		parameters.accepting(fleet(Set.of("window", "top")));
		Duration window = parameters.duration("window", Duration.ofMinutes(15), MAX_RANGE);
		int top = LogManagement.topLoggers(parameters);
		FleetScope read = this.scope.of(parameters.text(SERVICE));
		return StatsSearch.read(this.client.search(read.indices(EVENT_STREAMS),
				StatsSearch.body(read, this.clock.instant(), window, top)), window);
	}

	/**
	 * Return every instance's audit records, newest first.
	 * @param parameters the filters of {@code /audit} ({@code event}, {@code principal},
	 * {@code outcome}, {@code since}, {@code until}; without {@code since}, the last day),
	 * {@code limit}, {@code cursor} and {@code service}
	 * @return one page of records
	 */
	public FleetAuditPage audit(Parameters parameters) {
		parameters.accepting(fleet(AuditRecords.PARAMETERS));
		int limit = parameters.integer("limit", 100, 1, AuditRecords.MAX_LIMIT);
		Instant until = parameters.instant("until");
		until = (until != null) ? until : this.clock.instant();
		Instant since = parameters.instant("since");
		since = (since != null) ? since : until.minus(MAX_RANGE);
		checkRange(since, until);
		FleetScope read = this.scope.of(parameters.text(SERVICE));
		return AuditSearch.read(this.client.search(read.indices(List.of(LogStreams.AUDIT)),
				AuditSearch.body(read, parameters.text("event"), parameters.text("principal"),
						parameters.text("outcome"), since.toString(), until.toString(), limit,
						parameters.text("cursor"))),
				limit);
	}

	/**
	 * Return what the fleet view reads: the cluster (without credentials), the service and
	 * environment, the index patterns and the longest range.
	 * @return the description
	 */
	public Map<String, Object> describe() {
		Map<String, Object> description = new LinkedHashMap<>();
		description.put("cluster", this.client.cluster().toString());
		description.put("service", this.scope.service());
		description.put("environment", this.scope.environment());
		description.put("indices", this.scope.indices(EVENT_STREAMS));
		description.put("max_range", MAX_RANGE.toString());
		return description;
	}

	private static void checkRange(Instant since, Instant until) {
		if (since.isAfter(until)) {
			throw new InvalidParameterException("since", "must not be after 'until'");
		}
		if (Duration.between(since, until).compareTo(MAX_RANGE) > 0) {
			throw new InvalidParameterException("since", "a fleet read covers at most " + MAX_RANGE.toHours()
					+ " hours: set 'since' and 'until' closer together");
		}
	}

	private static Set<String> fleet(Set<String> local) {
		Set<String> accepted = new HashSet<>(local);
		accepted.add(SCOPE);
		accepted.add(SERVICE);
		return accepted;
	}

}
