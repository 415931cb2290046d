package io.github.structuredlogging.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

import io.github.structuredlogging.api.CorrelationId;
import io.github.structuredlogging.api.Masker;
import io.github.structuredlogging.json.LogField;
import org.jspecify.annotations.Nullable;

/**
 * Per-minute aggregates of finished requests, kept for a bounded time: what the
 * performance report merges over its window. Told of every request, whether or not its
 * performance line is written.
 */
public final class RequestStatistics implements RequestPerformanceListener {

	/** Route name of requests that matched no handler. */
	public static final String UNMATCHED_ROUTE = "(unmatched)";

	/** Route name of all requests together. */
	public static final String ALL_ROUTES = "*";

	/** The most slowest requests a report can list. */
	public static final int MAX_SLOWEST = 50;

	private static final long MILLIS_PER_MINUTE = 60_000;

	private static final Comparator<SlowRequest> BY_DURATION = Comparator.comparingDouble(SlowRequest::durationMs);

	private final NavigableMap<Long, Minute> minutes = new ConcurrentSkipListMap<>();

	private final Duration retention;

	private final Clock clock;

	private final @Nullable Masker masker;

	/**
	 * Create statistics that keep the given time of requests.
	 * @param retention how long per-minute aggregates are kept
	 * @param clock the clock requests are timed against
	 */
	public RequestStatistics(Duration retention, Clock clock) {
		this(retention, clock, null);
	}

	/**
	 * Create statistics that keep the given time of requests.
	 * @param retention how long per-minute aggregates are kept
	 * @param clock the clock requests are timed against
	 * @param masker masks the path and correlation ID of the slowest requests kept, which
	 * the log API serves as they are; {@code null} when masking is off
	 */
	public RequestStatistics(Duration retention, Clock clock, @Nullable Masker masker) {
		this.retention = retention;
		this.clock = clock;
		this.masker = masker;
	}

	@Override
	public void onRequest(RequestExchange exchange, PerformanceTier tier) {
		long now = this.clock.millis();
		long minute = now / MILLIS_PER_MINUTE;
		Minute bucket = this.minutes.get(minute);
		if (bucket == null) {
			bucket = this.minutes.computeIfAbsent(minute, (key) -> new Minute());
			this.minutes.headMap(minute - this.retention.toMinutes(), true).clear();
		}
		String route = (exchange.route() != null) ? exchange.route() : UNMATCHED_ROUTE;
		bucket.routes.computeIfAbsent(route, (key) -> RouteAggregate.minute())
			.record(exchange.durationNanos() / 1000, exchange.status(), tier);
		bucket.offer(exchange, route, now, this.masker);
	}

	/**
	 * Return the longest window this keeps.
	 * @return the retention
	 */
	public Duration retention() {
		return this.retention;
	}

	/**
	 * Summarize the requests that finished within the given window up to now.
	 * @param window the length of the window, rounded up to whole minutes
	 * @param slowest how many of the slowest requests to list, at most {@link #MAX_SLOWEST}
	 * @return the summary
	 */
	public PerformanceSummary summarize(Duration window, int slowest) {
		return summarize(window, slowest, null);
	}

	/**
	 * Summarize the requests that finished within the given window up to now, the overall
	 * figures, the minutes and the slowest requests of one route only.
	 * @param window the length of the window, rounded up to whole minutes
	 * @param slowest how many of the slowest requests to list, at most {@link #MAX_SLOWEST}
	 * @param only the route the overall figures, minutes and slowest requests are of,
	 * {@code null} for all routes together; every route is listed either way
	 * @return the summary
	 */
	public PerformanceSummary summarize(Duration window, int slowest, @Nullable String only) {
		long now = this.clock.millis();
		long windowMinutes = Math.max(1, (window.toMillis() + MILLIS_PER_MINUTE - 1) / MILLIS_PER_MINUTE);
		long first = now / MILLIS_PER_MINUTE - windowMinutes + 1;
		Map<String, RouteAggregate> routes = new HashMap<>();
		PriorityQueue<SlowRequest> slowestFirst = new PriorityQueue<>(BY_DURATION.reversed());
		List<PerformanceSummary.MinuteSummary> series = new ArrayList<>();
		this.minutes.tailMap(first, true).forEach((start, minute) -> {
			RouteAggregate all = RouteAggregate.window();
			minute.routes.forEach((route, aggregate) -> {
				aggregate.addTo(routes.computeIfAbsent(route, (key) -> RouteAggregate.window()));
				if (only == null || only.equals(route)) {
					aggregate.addTo(all);
				}
			});
			if (!all.isEmpty()) {
				series.add(new PerformanceSummary.MinuteSummary(Instant.ofEpochMilli(start * MILLIS_PER_MINUTE),
						all.summarize((only != null) ? only : ALL_ROUTES)));
			}
			for (SlowRequest request : minute.slowest()) {
				if (only == null || only.equals(request.route())) {
					slowestFirst.add(request);
				}
			}
		});
		// Minutes are merged once, per route; all routes together come from those.
		RouteAggregate overall = RouteAggregate.window();
		List<RouteSummary> summaries = new ArrayList<>();
		routes.forEach((route, aggregate) -> {
			if (only == null || only.equals(route)) {
				aggregate.addTo(overall);
			}
			summaries.add(aggregate.summarize(route));
		});
		summaries.sort(Comparator.comparingLong(RouteSummary::count).reversed().thenComparing(RouteSummary::route));
		List<SlowRequest> slowList = new ArrayList<>();
		while (!slowestFirst.isEmpty() && slowList.size() < Math.min(slowest, MAX_SLOWEST)) {
			slowList.add(slowestFirst.poll());
		}
		return new PerformanceSummary(window, overall.summarize((only != null) ? only : ALL_ROUTES), summaries,
				slowList, series);
	}

	/**
	 * The requests of one minute.
	 */
	private static final class Minute {

		private final Map<String, RouteAggregate> routes = new ConcurrentHashMap<>();

		private final PriorityQueue<SlowRequest> slowest = new PriorityQueue<>(BY_DURATION);

		// The fastest of the slowest kept, once they are MAX_SLOWEST: a request no slower
		// is turned away without taking the lock, as most requests are.
		private volatile double admission = -1;

		// Masked once kept: most requests are turned away before.
		void offer(RequestExchange exchange, String route, long now, @Nullable Masker masker) {
			if (exchange.durationMillis() <= this.admission) {
				return;
			}
			synchronized (this) {
				boolean full = this.slowest.size() >= MAX_SLOWEST;
				if (full && exchange.durationMillis() <= this.slowest.peek().durationMs()) {
					return;
				}
				if (full) {
					this.slowest.poll();
				}
				this.slowest.add(new SlowRequest(Instant.ofEpochMilli(now), exchange.method(),
						masked(masker, LogField.HTTP_PATH, exchange.path()), route, exchange.status(),
						exchange.durationMillis(), masked(masker, LogField.CORRELATION_ID, CorrelationId.current())));
				if (this.slowest.size() >= MAX_SLOWEST) {
					this.admission = this.slowest.peek().durationMs();
				}
			}
		}

		synchronized List<SlowRequest> slowest() {
			return new ArrayList<>(this.slowest);
		}

	}

	private static @Nullable String masked(@Nullable Masker masker, LogField field, @Nullable String value) {
		return (masker != null && value != null) ? masker.mask(field.key(), value) : value;
	}

}
