package io.github.structuredlogging.shipping;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.structuredlogging.testing.HttpCalls;
import io.github.structuredlogging.testing.LokiReceiver;
import io.github.structuredlogging.web.WebTestApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Shipping to a receiver that decodes Loki's real push API.
 */
class LokiShippingTests {

	private static final Logger logger = LoggerFactory.getLogger(LokiShippingTests.class);

	@TempDir
	Path logs;

	@Test
	void labelsAreTheLowCardinalityFieldsAndTheRequestIdsAreStructuredMetadata() {
		try (LokiReceiver loki = LokiReceiver.start(); WebTestApplication application = start(loki)) {
			HttpCalls http = new HttpCalls(application.port());
			assertThat(http.get("/orders/3", "X-Correlation-ID", "loki-one").statusCode()).isEqualTo(200);
			await().atMost(20, TimeUnit.SECONDS).until(() -> entriesOf(loki, "loki-one").size() == 2);
			List<LokiReceiver.Entry> entries = entriesOf(loki, "loki-one");
			assertThat(entries).allSatisfy((entry) -> {
				assertThat(entry.labels().propertyNames()).containsExactlyInAnyOrder("service_name", "environment",
						"host_name", "log_stream", "level");
				assertThat(entry.labels().path("service_name").asString()).isEqualTo("inventory-service");
				assertThat(entry.metadata().path("correlation_id").asString()).isEqualTo("loki-one");
				assertThat(entry.metadata().path("trace_id").asString()).isEqualTo(entry.line().path("trace_id").asString());
				assertThat(entry.timestamp()).hasSizeGreaterThanOrEqualTo(19).containsOnlyDigits();
			});
			assertThat(entries).extracting((entry) -> entry.labels().path("log_stream").asString())
				.containsExactlyInAnyOrder("application", "performance");
			assertThat(loki.pushes()).allSatisfy((push) -> assertThat(push.tenant()).isEqualTo("team-a"));
		}
	}

	@Test
	void theProtobufPushCarriesTheSameLabelsMetadataAndLines() {
		try (LokiReceiver loki = LokiReceiver.start();
				WebTestApplication application = start(loki, "structured-logging.shipping.loki.format=protobuf")) {
			HttpCalls http = new HttpCalls(application.port());
			assertThat(http.get("/orders/4", "X-Correlation-ID", "loki-protobuf").statusCode()).isEqualTo(200);
			await().atMost(20, TimeUnit.SECONDS).until(() -> entriesOf(loki, "loki-protobuf").size() == 2);
			assertThat(loki.pushes()).allSatisfy(
					(push) -> assertThat(push.contentType()).isEqualTo("application/x-protobuf"));
			assertThat(entriesOf(loki, "loki-protobuf")).allSatisfy((entry) -> {
				assertThat(entry.labels().propertyNames()).containsExactlyInAnyOrder("service_name", "environment",
						"host_name", "log_stream", "level");
				assertThat(entry.labels().path("service_name").asString()).isEqualTo("inventory-service");
				assertThat(entry.metadata().path("correlation_id").asString()).isEqualTo("loki-protobuf");
				assertThat(entry.timestamp()).isEqualTo(nanos(entry.line().path("@timestamp").asString()));
			});
		}
	}

	@Test
	void batchesHonourTheirSizeAndA429IsWaitedOutForItsRetryAfterWithNothingLost() {
		try (LokiReceiver loki = LokiReceiver.start();
				WebTestApplication application = start(loki, "structured-logging.shipping.loki.batch-size=5")) {
			await().atMost(20, TimeUnit.SECONDS).until(() -> !loki.pushes().isEmpty());
			loki.refuseNext(1);
			for (int i = 0; i < 20; i++) {
				logger.atInfo().addKeyValue("burst", i).log("Burst");
			}
			await().atMost(20, TimeUnit.SECONDS)
				.until(() -> loki.entries().stream().filter((entry) -> entry.line().has("burst")).count() == 20);
			assertThat(loki.refusedAt()).hasSize(1);
			long refused = loki.refusedAt().get(0);
			long nextPush = loki.pushes().stream().mapToLong(LokiReceiver.Push::receivedAt).filter((at) -> at > refused)
				.min()
				.orElseThrow();
			assertThat(Duration.ofNanos(nextPush - refused)).isGreaterThanOrEqualTo(Duration.ofMillis(950));
			assertThat(loki.pushes()).allSatisfy((push) -> assertThat(push.body().findValues("values").stream()
				.mapToInt((values) -> values.size())
				.sum()).isLessThanOrEqualTo(5));
			assertThat(loki.entries().stream().filter((entry) -> entry.line().has("burst")).map((entry) -> entry.line()
				.path("burst")
				.asInt())).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19);
			ShipperReport report = application.bean(Shipping.class).reports().get(0);
			assertThat(report.retried()).isPositive();
			assertThat(report.dropped()).isZero();
		}
	}

	@Test
	void anEventLargerThanLokiTakesIsShippedCutAndMarked() {
		try (LokiReceiver loki = LokiReceiver.start(); WebTestApplication application = start(loki)) {
			logger.atInfo().addKeyValue("payload", "x".repeat(400_000)).addKeyValue("order_id", 77).log("Huge payload");
			await().atMost(20, TimeUnit.SECONDS)
				.until(() -> loki.entries().stream().anyMatch((entry) -> entry.line().path("order_id").asInt() == 77));
			LokiReceiver.Entry huge = loki.entries()
				.stream()
				.filter((entry) -> entry.line().path("order_id").asInt() == 77)
				.findFirst()
				.orElseThrow();
			assertThat(huge.line().path("event_truncated").asBoolean()).isTrue();
			assertThat(huge.line().path("message").asString()).isEqualTo("Huge payload");
			assertThat(huge.line().toString().length()).isLessThanOrEqualTo(256 * 1024);
			assertThat(application.bean(Shipping.class).reports().get(0).truncated()).isEqualTo(1);
		}
	}

	private WebTestApplication start(LokiReceiver loki, String... more) {
		List<String> properties = new java.util.ArrayList<>(List.of("spring.application.name=inventory-service",
				"structured-logging.file.directory=" + this.logs, "structured-logging.shipping.loki.url=" + loki.url(),
				"structured-logging.shipping.loki.tenant=team-a",
				"structured-logging.shipping.loki.batch-timeout=200ms"));
		properties.addAll(List.of(more));
		return WebTestApplication.start(properties.toArray(String[]::new));
	}

	private static String nanos(String timestamp) {
		Instant instant = Instant.parse(timestamp);
		return Long.toString(instant.getEpochSecond() * 1_000_000_000L + instant.getNano());
	}

	private static List<LokiReceiver.Entry> entriesOf(LokiReceiver loki, String correlationId) {
		return loki.entries()
			.stream()
			.filter((entry) -> correlationId.equals(entry.line().path("correlation_id").asString()))
			.toList();
	}

}
