package io.github.structuredlogging.shipping;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.github.structuredlogging.management.HealthReport;
import io.github.structuredlogging.management.LogManagement;
import io.github.structuredlogging.management.LoggingStatus;
import io.github.structuredlogging.runtime.StructuredLoggingRuntime;
import io.github.structuredlogging.testing.HttpCalls;
import io.github.structuredlogging.testing.JsonLines;
import io.github.structuredlogging.testing.OpenSearchNode;
import io.github.structuredlogging.web.WebTestApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Shipping to a real OpenSearch node, forked as its own JVM.
 */
class ElasticsearchShippingTests {

	private static final Logger logger = LoggerFactory.getLogger(ElasticsearchShippingTests.class);

	@TempDir
	static Path nodeDirectory;

	static OpenSearchNode node;

	@TempDir
	Path logs;

	@BeforeAll
	static void startNode() {
		node = OpenSearchNode.start(nodeDirectory);
	}

	@AfterAll
	static void stopNode() {
		if (node != null) {
			node.close();
		}
	}

	@Test
	void eachStreamLandsInItsDailyIndexWithTheTemplatesMappingAndOneRequestIsFoundByItsCorrelationId() {
		String day = LocalDate.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy.MM.dd"));
		try (WebTestApplication application = start("orders-service")) {
			HttpCalls http = new HttpCalls(application.port());
			assertThat(http.get("/orders/7", "X-Correlation-ID", "ship-one").statusCode()).isEqualTo(200);
			assertThat(http.get("/secure/profile", "Authorization", HttpCalls.basic("alice", "wrong-pass"),
					"X-Correlation-ID", "ship-audit").statusCode()).isEqualTo(401);
			assertThat(http.get("/fail", "X-Correlation-ID", "ship-error").statusCode()).isEqualTo(500);
			application.bean(StructuredLoggingRuntime.class).flush(Duration.ofSeconds(5));
			List<JsonNode> written = JsonLines.read(this.logs.resolve("application.json"))
				.all()
				.stream()
				.filter((line) -> "ship-one".equals(line.path("correlation_id").asString()))
				.toList();
			assertThat(written).extracting((line) -> line.path("log_stream").asString())
				.contains("application", "performance");
			await().atMost(30, TimeUnit.SECONDS)
				.until(() -> node.count("orders-service-*", term("correlation_id", "ship-one")) == written.size());
			await().atMost(30, TimeUnit.SECONDS)
				.until(() -> node.count("orders-service-audit-" + day, term("correlation_id", "ship-audit")) == 1);
		}
		JsonNode indices = node.request("GET", "/_cat/indices/orders-service-*?format=json", null);
		assertThat(indices.findValuesAsString("index")).contains("orders-service-application-" + day,
				"orders-service-performance-" + day, "orders-service-audit-" + day);
		JsonNode performance = node.request("POST", "/orders-service-performance-" + day + "/_search",
				"{\"query\":" + term("correlation_id", "ship-one") + "}");
		JsonNode line = performance.path("hits").path("hits").path(0).path("_source");
		assertThat(line.path("http_route").asString()).isEqualTo("/orders/{id}");
		assertThat(line.path("duration_ms").isNumber()).isTrue();
		JsonNode mapping = node.request("GET", "/orders-service-performance-" + day + "/_mapping", null)
			.path("orders-service-performance-" + day)
			.path("mappings")
			.path("properties");
		assertThat(mapping.path("@timestamp").path("type").asString()).isEqualTo("date_nanos");
		assertThat(mapping.path("duration_ms").path("type").asString()).isEqualTo("double");
		assertThat(mapping.path("correlation_id").path("type").asString()).isEqualTo("keyword");
		assertThat(mapping.path("trace_id").path("type").asString()).isEqualTo("keyword");
		assertThat(mapping.path("message").path("type").asString()).isEqualTo("text");
		assertThat(node.count("orders-service-*", term("correlation_id", "ship-error"))).isPositive();
		assertThat(node.count("orders-service-*", "{\"match_phrase\":{\"message\":\"wrong-pass\"}}")).isZero();
	}

	@Test
	void aNodeDownForAMinuteWhileTheApplicationLogsAndRestartsLosesNothingAndDuplicatesNothing() throws Exception {
		String run = "outage-" + System.nanoTime();
		AtomicLong logged = new AtomicLong();
		// Small files, so that the file rolls (and is gzipped) several times while the node is down.
		try (WebTestApplication first = start("billing-service", "structured-logging.file.application.max-file-size=4MB")) {
			logAtAThousandPerSecond(run, logged, Duration.ofSeconds(5));
			node.stop();
			logAtAThousandPerSecond(run, logged, Duration.ofSeconds(30));
			HealthReport.Check shipping = first.bean(LogManagement.class).health().checks().get("shipping");
			assertThat(shipping.status()).isEqualTo(LoggingStatus.DEGRADED);
			assertThat(shipping.details().toString()).contains("127.0.0.1:" + node.port());
		}
		try (WebTestApplication second = start("billing-service", "structured-logging.file.application.max-file-size=4MB")) {
			logAtAThousandPerSecond(run, logged, Duration.ofSeconds(30));
			node.restart();
			logAtAThousandPerSecond(run, logged, Duration.ofSeconds(5));
			await().atMost(120, TimeUnit.SECONDS)
				.pollInterval(Duration.ofSeconds(2))
				.conditionEvaluationListener((condition) -> logger.atWarn()
					.addKeyValue("shipped", node.count("billing-service-application-*", term("load_run", run)))
					.addKeyValue("logged", logged.get())
					.addKeyValue("report", String.valueOf(second.bean(Shipping.class).reports()))
					.log("Waiting for the outage's events"))
				.until(() -> node.count("billing-service-application-*", term("load_run", run)) >= logged.get());
			ShipperReport report = second.bean(Shipping.class).reports().get(0);
			assertThat(report.state()).isEqualTo("shipping");
			assertThat(report.source()).isEqualTo("file");
			assertThat(report.dropped()).isZero();
			assertThat(second.bean(LogManagement.class).health().checks().get("shipping").status())
				.isEqualTo(LoggingStatus.UP);
		}
		assertThat(node.count("billing-service-application-*", term("load_run", run))).isEqualTo(logged.get());
		assertThat(logged.get()).isGreaterThan(60_000);
		try (var rolled = java.nio.file.Files.list(this.logs)) {
			assertThat(rolled.map((file) -> file.getFileName().toString()))
				.anyMatch((name) -> name.startsWith("application.") && name.endsWith(".json.gz"));
		}
	}

	@Test
	void withDataStreamsEachStreamIsADataStreamUnderTheTemplate() {
		try (WebTestApplication application = start("ledger-service",
				"structured-logging.shipping.elasticsearch.data-streams=true", "structured-logging.environment=qa-eu")) {
			HttpCalls http = new HttpCalls(application.port());
			assertThat(http.get("/orders/8", "X-Correlation-ID", "stream-one").statusCode()).isEqualTo(200);
			await().atMost(30, TimeUnit.SECONDS)
				.until(() -> node.count("logs-ledger_service.*", term("correlation_id", "stream-one")) == 2);
		}
		JsonNode streams = node.request("GET", "/_data_stream/logs-ledger_service.*", null);
		assertThat(streams.findValuesAsString("name")).contains("logs-ledger_service.application-qa_eu",
				"logs-ledger_service.performance-qa_eu");
		JsonNode template = node.request("GET", "/_index_template/logs-ledger_service", null);
		assertThat(template.findValue("index_patterns").toString()).contains("logs-ledger_service.*-*");
	}

	@Test
	void withoutFilesEventsShipFromAQueueInMemory() {
		try (WebTestApplication application = WebTestApplication.start("spring.application.name=catalog-service",
				"structured-logging.shipping.elasticsearch.url=" + node.url(),
				"structured-logging.shipping.elasticsearch.batch-timeout=200ms")) {
			HttpCalls http = new HttpCalls(application.port());
			assertThat(http.get("/orders/9", "X-Correlation-ID", "queued-one").statusCode()).isEqualTo(200);
			await().atMost(30, TimeUnit.SECONDS)
				.until(() -> node.count("catalog-service-*", term("correlation_id", "queued-one")) == 2);
			ShipperReport report = application.bean(Shipping.class).reports().get(0);
			assertThat(report.source()).isEqualTo("memory");
			assertThat(report.sent()).isGreaterThanOrEqualTo(2);
			assertThat(report.dropped()).isZero();
		}
	}

	private WebTestApplication start(String service, String... more) {
		List<String> properties = new java.util.ArrayList<>(List.of("spring.application.name=" + service,
				"structured-logging.file.directory=" + this.logs,
				"structured-logging.shipping.elasticsearch.url=" + node.url(),
				"structured-logging.shipping.elasticsearch.batch-timeout=200ms",
				"structured-logging.shipping.elasticsearch.max-backoff=2s", "structured-logging.shipping.drain-timeout=2s"));
		properties.addAll(List.of(more));
		return WebTestApplication.start(properties.toArray(String[]::new));
	}

	// Paced in steps of 100 events every 100 ms; every event a distinct line.
	private static void logAtAThousandPerSecond(String run, AtomicLong logged, Duration duration)
			throws InterruptedException {
		long end = System.nanoTime() + duration.toNanos();
		while (System.nanoTime() < end) {
			long step = System.nanoTime();
			for (int i = 0; i < 100; i++) {
				logger.atInfo().addKeyValue("load_run", run).addKeyValue("seq", logged.incrementAndGet()).log("Load");
			}
			long left = TimeUnit.NANOSECONDS.toMillis(step + TimeUnit.MILLISECONDS.toNanos(100) - System.nanoTime());
			if (left > 0) {
				Thread.sleep(left);
			}
		}
	}

	private static String term(String field, String value) {
		return "{\"term\":{\"" + field + "\":\"" + value + "\"}}";
	}

}
