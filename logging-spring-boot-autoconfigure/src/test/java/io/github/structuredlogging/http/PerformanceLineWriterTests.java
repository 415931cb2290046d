package io.github.structuredlogging.http;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PerformanceLineWriter}.
 */
class PerformanceLineWriterTests {

	private static final PerformanceTiers TIERS = new PerformanceTiers(Duration.ofMillis(100), Duration.ofSeconds(1),
			Duration.ofSeconds(5));

	private final ListAppender<ILoggingEvent> lines = new ListAppender<>();

	private final Logger logger = (Logger) LoggerFactory.getLogger(PerformanceLineWriter.LOGGER_NAME);

	@BeforeEach
	void capture() {
		this.lines.start();
		this.logger.addAppender(this.lines);
	}

	@AfterEach
	void release() {
		this.logger.detachAppender(this.lines);
	}

	@Test
	void slowOnlyWritesSlowRequestsAndServerErrorsButTellsListenersOfAll() {
		List<PerformanceTier> seen = new ArrayList<>();
		PerformanceLineWriter writer = new PerformanceLineWriter(TIERS, true,
				List.of((exchange, tier) -> seen.add(tier)));
		writer.write(exchange("/fast", 200, Duration.ofMillis(5)));
		writer.write(exchange("/slow", 200, Duration.ofMillis(1500)));
		writer.write(exchange("/broken", 503, Duration.ofMillis(5)));
		assertThat(this.lines.list).extracting(ILoggingEvent::getFormattedMessage)
			.containsExactly("GET /slow 200 in 1500.0 ms", "GET /broken 503 in 5.0 ms");
		assertThat(seen).containsExactly(PerformanceTier.FAST, PerformanceTier.SLOW, PerformanceTier.FAST);
	}

	@Test
	void everyRequestIsWrittenByDefault() {
		PerformanceLineWriter writer = new PerformanceLineWriter(TIERS, false, List.of());
		writer.write(exchange("/fast", 200, Duration.ofMillis(5)));
		assertThat(this.lines.list).hasSize(1);
	}

	@Test
	void tiersFollowTheThresholds() {
		assertThat(TIERS.tierOf(Duration.ofMillis(99).toNanos())).isEqualTo(PerformanceTier.FAST);
		assertThat(TIERS.tierOf(Duration.ofMillis(100).toNanos())).isEqualTo(PerformanceTier.NORMAL);
		assertThat(TIERS.tierOf(Duration.ofMillis(1000).toNanos())).isEqualTo(PerformanceTier.SLOW);
		assertThat(TIERS.tierOf(Duration.ofMillis(5000).toNanos())).isEqualTo(PerformanceTier.VERY_SLOW);
	}

	private static RequestExchange exchange(String path, int status, Duration duration) {
		return new RequestExchange("GET", path, null, null, status, duration.toNanos(), 0, 0, "127.0.0.1", null, null,
				null, null, null, false, null);
	}

}
