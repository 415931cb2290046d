package io.github.structuredlogging.benchmarks.jmh;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import io.github.structuredlogging.http.PerformanceTier;
import io.github.structuredlogging.http.RequestExchange;
import io.github.structuredlogging.json.JsonLayout;
import io.github.structuredlogging.json.ServiceIdentity;
import io.github.structuredlogging.json.StackTraceOptions;
import io.github.structuredlogging.json.StructuredJsonEncoders;
import io.github.structuredlogging.logback.DroppedEvents;
import io.github.structuredlogging.management.LogManagement;
import io.github.structuredlogging.management.LoggingHealth;
import io.github.structuredlogging.management.Parameters;
import io.github.structuredlogging.masking.MaskingEngine;
import io.github.structuredlogging.masking.MaskingSettings;
import io.github.structuredlogging.store.EventStore;
import io.github.structuredlogging.store.EventStoreAppender;
import io.github.structuredlogging.http.RequestStatistics;
import net.logstash.logback.encoder.LoggingEventCompositeJsonEncoder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.slf4j.event.KeyValuePair;
import tools.jackson.databind.json.JsonMapper;

/**
 * The log API's reads at full capacity: a store of 10,000 masked events, and an hour of
 * request aggregates over 20 routes at 1,000 requests a minute. Each operation includes
 * writing the JSON response body, as the API does.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class LogApiBenchmark {

	private static final int CAPACITY = 10_000;

	private static final int ROUTES = 20;

	private static final int REQUESTS_PER_MINUTE = 1000;

	private final JsonMapper mapper = JsonMapper.builder().build();

	private LogManagement management;

	private final SteppingClock clock = new SteppingClock(Instant.parse("2026-11-22T09:00:00Z"));

	@Setup
	public void setUp() {
		LoggerContext context = LogEvents.context();
		MaskingEngine masker = new MaskingEngine(MaskingSettings.defaults());
		LoggingEventCompositeJsonEncoder encoder = StructuredJsonEncoders.create(JsonLayout.DEFAULT,
				new ServiceIdentity("orders-service", "1.4.2", "production", "orders-7d9f"),
				new StackTraceOptions(false, 64, 16384, List.of()), masker);
		encoder.setContext(context);
		encoder.start();
		EventStore store = new EventStore(CAPACITY);
		EventStoreAppender appender = new EventStoreAppender(store, encoder);
		appender.setContext(context);
		appender.start();
		// Twice the capacity, so that the ring has wrapped as in a running service.
		for (int i = 0; i < 2 * CAPACITY; i++) {
			appender.doAppend(event(context, i));
		}
		RequestStatistics requests = new RequestStatistics(Duration.ofHours(1), this.clock);
		for (int minute = 0; minute < 60; minute++) {
			if (minute > 0) {
				this.clock.advance(Duration.ofMinutes(1));
			}
			for (int i = 0; i < REQUESTS_PER_MINUTE; i++) {
				requests.onRequest(exchange(i), PerformanceTier.FAST);
			}
		}
		this.management = new LogManagement(store, new LoggingHealth(null, new LoggingHealth.DiskThresholds(75, 85),
				context, new DroppedEvents(), store, this.clock, null), null, requests, Map::of);
	}

	/** The default page: the newest 100 events. */
	@Benchmark
	public byte[] recentNewest100() {
		return recent(Map.of());
	}

	/** The largest page: 1,000 events. */
	@Benchmark
	public byte[] recentLimit1000() {
		return recent(Map.of("limit", "1000"));
	}

	/** A text search that matches nothing: every stored event is read. */
	@Benchmark
	public byte[] recentTextSearchMissingEverything() {
		return recent(Map.of("q", "no such words", "level", "INFO"));
	}

	/** A field term: every stored event's JSON line is parsed. */
	@Benchmark
	public byte[] recentFieldTermOverEveryEvent() {
		return recent(Map.of("q", "order_id:-1"));
	}

	/** The performance report over the whole hour. */
	@Benchmark
	public byte[] performanceOneHour() {
		return this.mapper.writeValueAsBytes(
				this.management.performance(new Parameters(Map.of("window", "1h", "slowest", "50"), this.clock)));
	}

	private byte[] recent(Map<String, String> parameters) {
		return this.mapper.writeValueAsBytes(this.management.recent(new Parameters(parameters, this.clock)));
	}

	private static LoggingEvent event(LoggerContext context, int i) {
		Logger logger = context.getLogger("com.example.service" + (i % 10) + ".Handler");
		Level level = (i % 100 == 0) ? Level.ERROR : (i % 20 == 0) ? Level.WARN : Level.INFO;
		LoggingEvent event = new LoggingEvent(Logger.FQCN, logger, level, "Order {} placed for customer {}", null,
				new Object[] { 4200 + i, "c-17" });
		event.setMDCPropertyMap(Map.of("correlation_id", "request-" + (i / 5), "tenant", "acme"));
		event.setKeyValuePairs(List.of(new KeyValuePair("order_id", 4200 + i)));
		event.prepareForDeferredProcessing();
		return event;
	}

	private static RequestExchange exchange(int i) {
		long nanos = TimeUnit.MICROSECONDS.toNanos(500 + (i * 7919L) % 200_000);
		String route = "/api/resource" + (i % ROUTES) + "/{id}";
		return new RequestExchange("GET", route, route, null, (i % 50 == 0) ? 500 : 200, nanos, 0, 512, "127.0.0.1",
				null, null, null, null, null, false, null);
	}

	private static final class SteppingClock extends Clock {

		private Instant now;

		SteppingClock(Instant now) {
			this.now = now;
		}

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
