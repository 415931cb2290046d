package io.github.structuredlogging.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import io.github.structuredlogging.api.CorrelationId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Percentiles, error rates, windows and retention of {@link RequestStatistics} over
 * requests of known durations.
 */
class RequestStatisticsTests {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));

	private final RequestStatistics statistics = new RequestStatistics(Duration.ofMinutes(30), this.clock);

	@Test
	void percentilesOfKnownDurations() {
		// 1, 2, ... 100 ms: p50 = 50, p95 = 95, p99 = 99, max = 100, within the 1% of two
		// significant digits.
		for (int i = 1; i <= 100; i++) {
			record("/orders/{id}", i, 200);
		}
		RouteSummary orders = this.statistics.summarize(Duration.ofMinutes(15), 0).routes().get(0);
		assertThat(orders.route()).isEqualTo("/orders/{id}");
		assertThat(orders.count()).isEqualTo(100);
		assertThat(orders.p50()).isCloseTo(50, within(0.5));
		assertThat(orders.p95()).isCloseTo(95, within(0.95));
		assertThat(orders.p99()).isCloseTo(99, within(0.99));
		assertThat(orders.max()).isCloseTo(100, within(1.0));
	}

	@Test
	void routesAreSeparateAndOverallHoldsThemAll() {
		for (int i = 0; i < 8; i++) {
			record("/orders", 10, 200);
		}
		record("/orders", 10, 503);
		record("/orders", 10, 404);
		record(null, 5, 404);
		PerformanceSummary summary = this.statistics.summarize(Duration.ofMinutes(15), 0);
		assertThat(summary.routes()).extracting(RouteSummary::route)
			.containsExactly("/orders", RequestStatistics.UNMATCHED_ROUTE);
		RouteSummary orders = summary.routes().get(0);
		assertThat(orders.serverErrors()).isEqualTo(1);
		assertThat(orders.errorRate()).isEqualTo(0.1);
		assertThat(summary.overall().count()).isEqualTo(11);
		assertThat(summary.overall().tiers()).containsEntry("fast", 11L).containsEntry("slow", 0L);
	}

	@Test
	void oneRouteGetsItsOwnOverallFiguresMinutesAndSlowestWhileEveryRouteIsListed() {
		try (CorrelationId.Scope scope = CorrelationId.open("slow-search")) {
			record("/search", 900, 200);
		}
		this.clock.advance(Duration.ofMinutes(1));
		record("/orders", 10, 200);
		record("/orders", 30, 503);
		PerformanceSummary orders = this.statistics.summarize(Duration.ofMinutes(15), 5, "/orders");
		assertThat(orders.overall().route()).isEqualTo("/orders");
		assertThat(orders.overall().count()).isEqualTo(2);
		assertThat(orders.overall().serverErrors()).isEqualTo(1);
		assertThat(orders.minutes()).singleElement()
			.satisfies((minute) -> assertThat(minute.requests().count()).isEqualTo(2));
		assertThat(orders.slowest()).extracting(SlowRequest::route).containsOnly("/orders");
		assertThat(orders.routes()).extracting(RouteSummary::route).containsExactlyInAnyOrder("/orders", "/search");
		PerformanceSummary all = this.statistics.summarize(Duration.ofMinutes(15), 5);
		assertThat(all.minutes()).hasSize(2);
		assertThat(all.slowest().get(0).correlationId()).isEqualTo("slow-search");
	}

	@Test
	void windowOnlyHoldsItsMinutesAndRetentionForgetsOlderOnes() {
		record("/old", 10, 200);
		this.clock.advance(Duration.ofMinutes(20));
		record("/new", 10, 200);
		assertThat(this.statistics.summarize(Duration.ofMinutes(15), 0).routes()).extracting(RouteSummary::route)
			.containsExactly("/new");
		assertThat(this.statistics.summarize(Duration.ofMinutes(30), 0).routes()).extracting(RouteSummary::route)
			.containsExactlyInAnyOrder("/new", "/old");
		this.clock.advance(Duration.ofMinutes(20));
		record("/newest", 10, 200);
		assertThat(this.statistics.summarize(Duration.ofMinutes(30), 0).routes()).extracting(RouteSummary::route)
			.containsExactlyInAnyOrder("/new", "/newest");
	}

	@Test
	void slowestRequestsCarryTheirCorrelationIds() {
		for (int i = 1; i <= 60; i++) {
			try (CorrelationId.Scope scope = CorrelationId.open("request-" + i)) {
				record("/orders", i, 200);
			}
			if (i % 20 == 0) {
				this.clock.advance(Duration.ofMinutes(1));
			}
		}
		assertThat(this.statistics.summarize(Duration.ofMinutes(15), 3).slowest())
			.extracting(SlowRequest::correlationId)
			.containsExactly("request-60", "request-59", "request-58");
	}

	@Test
	void aBusyMinuteKeepsItsFiftySlowestRequests() {
		// 1..120 ms in a scrambled order, so that slower requests keep displacing faster ones.
		for (int i = 0; i < 120; i++) {
			long millis = (i * 37L) % 120 + 1;
			try (CorrelationId.Scope scope = CorrelationId.open("request-" + millis)) {
				record("/orders", millis, 200);
			}
		}
		List<SlowRequest> slowest = this.statistics.summarize(Duration.ofMinutes(15), RequestStatistics.MAX_SLOWEST)
			.slowest();
		assertThat(slowest).extracting(SlowRequest::durationMs)
			.containsExactlyElementsOf(IntStream.rangeClosed(71, 120).map((ms) -> 191 - ms).asDoubleStream().boxed().toList());
		assertThat(slowest.get(0).correlationId()).isEqualTo("request-120");
	}

	private void record(String route, long millis, int status) {
		RequestExchange exchange = new RequestExchange("GET", (route != null) ? route : "/nowhere", route, null,
				status, TimeUnit.MILLISECONDS.toNanos(millis), 0, 0, "127.0.0.1", null, null, null, null, null, false,
				null);
		this.statistics.onRequest(exchange, PerformanceTier.FAST);
	}

	private static final class MutableClock extends Clock {

		private Instant now;

		MutableClock(Instant now) {
			this.now = now;
		}

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
