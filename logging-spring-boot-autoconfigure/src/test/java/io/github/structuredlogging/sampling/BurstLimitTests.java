package io.github.structuredlogging.sampling;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.github.structuredlogging.logback.DroppedEvents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The burst limit, on the application's logging context (the summary is logged through
 * SLF4J like any line), with a clock the test moves.
 */
class BurstLimitTests {

	private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();

	private final ListAppender<ILoggingEvent> written = new ListAppender<>();

	private final DroppedEvents counts = new DroppedEvents();

	private final Logger logger = this.context.getLogger("com.example.payments.Gateway");

	private Instant now = Instant.parse("2026-12-02T10:00:00.100Z");

	private final BurstLimit limit = new BurstLimit(10, new Clock() {

		@Override
		public Instant instant() {
			return BurstLimitTests.this.now;
		}

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

	}, this.counts);

	@AfterEach
	void remove() {
		this.context.getTurboFilterList().remove(this.limit);
		this.logger.detachAppender(this.written);
	}

	@Test
	void aBurstOfOneMessageIsCutToTheLimitAndSummedUpInOneLineWhenItIsOver() {
		start();
		for (int i = 0; i < 1000; i++) {
			this.logger.warn("Gateway timeout for payment {}", i);
			if (i % 100 == 0) {
				this.logger.info("Heartbeat {}", i);
			}
		}
		assertThat(lines("Gateway timeout for payment {}")).hasSize(10);
		assertThat(lines("Heartbeat {}")).hasSize(10);
		this.limit.summarize(false);
		assertThat(lines("Suppressed {} more events like: {}")).as("no summary while the burst goes on").isEmpty();
		this.now = this.now.plus(Duration.ofSeconds(2));
		this.limit.summarize(false);
		List<ILoggingEvent> summaries = lines("Suppressed {} more events like: {}");
		assertThat(summaries).hasSize(1);
		ILoggingEvent summary = summaries.get(0);
		assertThat(summary.getLevel()).isEqualTo(Level.WARN);
		assertThat(summary.getLoggerName()).isEqualTo("com.example.payments.Gateway");
		assertThat(summary.getFormattedMessage())
			.isEqualTo("Suppressed 990 more events like: Gateway timeout for payment {}");
		assertThat(summary.getKeyValuePairs()).extracting((pair) -> pair.key + "=" + pair.value)
			.containsExactly("suppressed_count=990");
		assertThat(this.counts.suppressed()).isEqualTo(990);
		this.limit.summarize(false);
		assertThat(lines("Suppressed {} more events like: {}")).as("one summary per burst").hasSize(1);
	}

	@Test
	void theNextSecondLetsTheMessageThroughAgain() {
		start();
		for (int i = 0; i < 20; i++) {
			this.logger.warn("Gateway timeout for payment {}", i);
		}
		this.now = this.now.plus(Duration.ofSeconds(1));
		for (int i = 0; i < 20; i++) {
			this.logger.warn("Gateway timeout for payment {}", i);
		}
		assertThat(lines("Gateway timeout for payment {}")).hasSize(20);
		assertThat(this.counts.suppressed()).isEqualTo(20);
	}

	private void start() {
		this.written.setContext(this.context);
		this.written.start();
		this.logger.addAppender(this.written);
		this.limit.setContext(this.context);
		this.limit.start();
		this.context.addTurboFilter(this.limit);
	}

	private List<ILoggingEvent> lines(String template) {
		return this.written.list.stream().filter((event) -> template.equals(event.getMessage())).toList();
	}

}
