package io.github.structuredlogging.management;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import ch.qos.logback.core.spi.AppenderAttachable;
import io.github.structuredlogging.runtime.StructuredLogbackPipeline;
import io.github.structuredlogging.testing.HttpCalls;
import io.github.structuredlogging.testing.LogApi;
import io.github.structuredlogging.web.WebTestApplication;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Events really dropped by a stalled writer turn logging health {@code DEGRADED}, in the
 * log API and in Actuator's health.
 */
class LoggingHealthDropTests {

	@Test
	void eventsDroppedByAStalledWriterTurnHealthDegraded() throws Exception {
		try (WebTestApplication application = WebTestApplication.start("structured-logging.file.async.queue-size=64",
				"management.endpoints.web.exposure.include=health",
				"management.endpoint.health.show-details=always")) {
			Stall stall = new Stall();
			fanOut().addAppender(stall);
			org.slf4j.Logger log = LoggerFactory.getLogger("com.example.Flood");
			log.info("held");
			assertThat(stall.entered.await(10, TimeUnit.SECONDS)).isTrue();
			for (int i = 0; i < 500; i++) {
				log.info("flood {}", i);
			}
			stall.gate.countDown();
			JsonNode health = new LogApi(application.port(), "ops", "ops-pass").json("/health");
			assertThat(health.path("status").asString()).isEqualTo("DEGRADED");
			JsonNode dropped = health.path("checks").path("dropped_events");
			assertThat(dropped.path("status").asString()).isEqualTo("DEGRADED");
			assertThat(dropped.path("details").path("total").asLong()).isPositive();
			assertThat(dropped.path("details").path("warn_error_audit").asLong()).isZero();
			JsonNode actuator = LogApi.parse(new HttpCalls(application.port()).get("/actuator/health/logging").body());
			assertThat(actuator.path("status").asString()).isEqualTo("DEGRADED");
		}
	}

	@SuppressWarnings("unchecked")
	private static AppenderAttachable<ILoggingEvent> fanOut() {
		Logger root = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(Logger.ROOT_LOGGER_NAME);
		AppenderAttachable<ILoggingEvent> writer = (AppenderAttachable<ILoggingEvent>) root
			.getAppender(StructuredLogbackPipeline.WRITER_APPENDER);
		return (AppenderAttachable<ILoggingEvent>) writer.iteratorForAppenders().next();
	}

	/**
	 * Holds the writer thread on the first event it is given, until let go.
	 */
	static final class Stall extends AppenderBase<ILoggingEvent> {

		final CountDownLatch entered = new CountDownLatch(1);

		final CountDownLatch gate = new CountDownLatch(1);

		Stall() {
			setName("STALL");
			start();
		}

		@Override
		protected void append(ILoggingEvent event) {
			this.entered.countDown();
			try {
				this.gate.await(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

	}

}
