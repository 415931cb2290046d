package io.github.structuredlogging.sampling;

import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Collectors;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.github.structuredlogging.api.CorrelationId;
import io.github.structuredlogging.api.LogStreams;
import io.github.structuredlogging.logback.DroppedEvents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sampling with a seeded random source: kept shares within statistical bounds (five
 * standard deviations of the binomial count), and what is never sampled.
 */
class EventSamplingTests {

	// The application's context: its MDC is the one SLF4J's MDC writes to.
	private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();

	// Each event takes its MDC when written, as the pipeline's writer makes it do.
	private final ListAppender<ILoggingEvent> written = new ListAppender<>() {

		@Override
		protected void append(ILoggingEvent event) {
			event.prepareForDeferredProcessing();
			super.append(event);
		}

	};

	private final DroppedEvents counts = new DroppedEvents();

	private final Logger logger = this.context.getLogger("com.example.orders.SampledService");

	private EventSampling sampling;

	@AfterEach
	void remove() {
		MDC.clear();
		this.context.getTurboFilterList().remove(this.sampling);
		this.logger.detachAppender(this.written);
		this.logger.setLevel(null);
	}

	@Test
	void aShareOfInfoEventsIsKeptAndTheRestCounted() {
		sample(1.0, 0.1, false);
		for (int i = 0; i < 10_000; i++) {
			this.logger.info("Order {} placed", i);
		}
		int kept = this.written.list.size();
		assertThat(kept).isBetween(850, 1150);
		assertThat(this.counts.sampledOut()).isEqualTo(10_000 - kept);
	}

	@Test
	void debugHasItsOwnRate() {
		this.logger.setLevel(Level.DEBUG);
		sample(0.0, 1.0, false);
		for (int i = 0; i < 100; i++) {
			this.logger.debug("Cache miss {}", i);
			this.logger.info("Order {} placed", i);
		}
		assertThat(this.written.list).extracting(ILoggingEvent::getLevel).containsOnly(Level.INFO).hasSize(100);
	}

	@Test
	void warnAndAboveAndPerformanceLinesAreNeverSampled() {
		sample(0.0, 0.0, false);
		for (int i = 0; i < 1000; i++) {
			this.logger.warn("Stock low for {}", i);
			this.logger.error("Payment {} refused", i);
			this.logger.info(LogStreams.marker(LogStreams.PERFORMANCE), "GET /orders/{} 200", i);
			this.logger.info("Order {} placed", i);
		}
		assertThat(this.written.list).hasSize(3000);
		assertThat(this.counts.sampledOut()).isEqualTo(1000);
	}

	@Test
	void byCorrelationIdARequestIsKeptWholeOrLeftOutWhole() {
		sample(1.0, 0.25, true);
		for (int request = 0; request < 2000; request++) {
			MDC.put(CorrelationId.MDC_KEY, UUID.nameUUIDFromBytes(("request-" + request).getBytes()).toString());
			for (int line = 0; line < 5; line++) {
				this.logger.info("Step {} of the order", line);
			}
		}
		Map<String, Long> linesPerRequest = this.written.list.stream()
			.collect(Collectors.groupingBy((event) -> event.getMDCPropertyMap().get(CorrelationId.MDC_KEY),
					Collectors.counting()));
		assertThat(linesPerRequest.values()).containsOnly(5L);
		assertThat(linesPerRequest).hasSizeBetween(403, 597);
	}

	private void sample(double debugRate, double infoRate, boolean byCorrelationId) {
		this.written.setContext(this.context);
		this.written.start();
		this.logger.addAppender(this.written);
		this.sampling = new EventSampling(debugRate, infoRate, byCorrelationId, new Random(42), this.counts);
		this.sampling.setContext(this.context);
		this.sampling.start();
		this.context.addTurboFilter(this.sampling);
	}

}
