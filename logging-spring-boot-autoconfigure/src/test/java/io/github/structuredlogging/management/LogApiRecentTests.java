package io.github.structuredlogging.management;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.github.structuredlogging.api.CorrelationId;
import io.github.structuredlogging.testing.HttpCalls;
import io.github.structuredlogging.testing.JsonLines;
import io.github.structuredlogging.testing.LogApi;
import io.github.structuredlogging.web.WebTestApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import tools.jackson.databind.JsonNode;

import static io.github.structuredlogging.testing.LogApi.encode;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /recent} of a real server: known events are written first, then each filter
 * must find them and exclude the others.
 */
class LogApiRecentTests {

	@TempDir
	static Path logs;

	static WebTestApplication application;

	static LogApi api;

	// A unique tag per run, so that filters are checked against these events only.
	static final String RUN = UUID.randomUUID().toString().substring(0, 8);

	static final Logger orders = LoggerFactory.getLogger("com.example.orders.OrderService");

	static final Logger payments = LoggerFactory.getLogger("com.example.payments.PaymentGateway");

	static Instant beforeLate;

	@BeforeAll
	static void writeKnownEvents() throws Exception {
		application = WebTestApplication.start("structured-logging.file.directory=" + logs);
		api = new LogApi(application.port(), "ops", "ops-pass");
		try (CorrelationId.Scope scope = CorrelationId.open("recent-a-" + RUN)) {
			orders.atInfo().addKeyValue("order_id", 42).log("Order placed {}", RUN);
			orders.atWarn().addKeyValue("order_id", 43).log("Order stock low {}", RUN);
		}
		try (CorrelationId.Scope scope = CorrelationId.open("recent-b-" + RUN)) {
			MDC.put("traceId", "4bf92f3577b34da6a3ce929d0e0e4736");
			payments.atError().addKeyValue("order_id", 42).log("Payment failed {} card 4111 1111 1111 1111", RUN);
			MDC.remove("traceId");
		}
		// An application that puts the trace ID in the MDC itself, under the JSON name.
		MDC.put("trace_id", "0af7651916cd43dd8448eb211c80319c");
		LoggerFactory.getLogger("org.example.reconcile.Reconciler").info("Reconciled the ledger");
		MDC.remove("trace_id");
		Thread.sleep(20);
		beforeLate = Instant.now();
		Thread.sleep(20);
		orders.atInfo().addKeyValue("order_id", 44).log("Order shipped late {}", RUN);
		awaitStored(4);
	}

	@AfterAll
	static void stop() {
		application.close();
	}

	static void awaitStored(int count) throws InterruptedException {
		for (int i = 0; i < 200 && api.recent("q=" + RUN + "&limit=100").size() < count; i++) {
			Thread.sleep(25);
		}
	}

	@Test
	void newestFirstWithTheFieldsOfTheJsonLine() {
		List<JsonNode> events = api.recent("q=" + RUN);
		assertThat(events).extracting((event) -> event.path("message").asString()).containsExactly(
				"Order shipped late " + RUN, "Payment failed " + RUN + " card [REDACTED]", "Order stock low " + RUN,
				"Order placed " + RUN);
		JsonNode written = JsonLines.read(logs.resolve("application.json")).withMessage("Order placed " + RUN);
		assertThat(events.get(3)).isEqualTo(written);
		assertThat(events.get(3).path("order_id").asInt()).isEqualTo(42);
	}

	@Test
	void secretsAreMaskedAsInTheLine() throws Exception {
		HttpResponse<String> response = api.get("/recent?q=" + encode("Payment failed"));
		assertThat(response.body()).contains("card [REDACTED]").doesNotContain("4111 1111 1111 1111");
		assertThat(api.recent("q=4111")).isEmpty();
	}

	@Test
	void levelIsAMinimum() {
		assertThat(messages("level=WARN&q=" + RUN)).containsExactly("Payment failed " + RUN + " card [REDACTED]",
				"Order stock low " + RUN);
		assertThat(messages("level=error&q=" + RUN)).containsExactly("Payment failed " + RUN + " card [REDACTED]");
	}

	@Test
	void loggerIsAPrefix() {
		assertThat(messages("logger=com.example.payments&q=" + RUN)).containsExactly(
				"Payment failed " + RUN + " card [REDACTED]");
		assertThat(messages("logger=com.example&q=" + RUN)).hasSize(4);
	}

	@Test
	void streamSelectsTheEventsOfThatStream() {
		assertThat(messages("stream=error&q=" + RUN)).hasSize(2);
		assertThat(messages("stream=application&q=" + RUN)).hasSize(4);
		assertThat(messages("stream=audit&q=" + RUN)).isEmpty();
		assertThat(api.recent("stream=performance&limit=5")).allSatisfy(
				(event) -> assertThat(event.path("log_stream").asString()).isEqualTo("performance"));
	}

	@Test
	void correlationAndTraceIdSelectTheirEvents() {
		assertThat(messages("correlation_id=recent-a-" + RUN)).containsExactly("Order stock low " + RUN,
				"Order placed " + RUN);
		assertThat(messages("trace_id=4bf92f3577b34da6a3ce929d0e0e4736")).containsExactly(
				"Payment failed " + RUN + " card [REDACTED]");
	}

	@Test
	void traceIdFindsEventsWhoseMdcHasItUnderTheJsonName() {
		List<JsonNode> events = api.recent("trace_id=0af7651916cd43dd8448eb211c80319c");
		assertThat(events).extracting((event) -> event.path("message").asString())
			.containsExactly("Reconciled the ledger");
		assertThat(events.get(0).path("trace_id").asString()).isEqualTo("0af7651916cd43dd8448eb211c80319c");
	}

	@Test
	void sinceAndUntilBoundTheTime() {
		assertThat(messages("since=" + encode(beforeLate.toString()) + "&q=" + RUN)).containsExactly(
				"Order shipped late " + RUN);
		assertThat(messages("until=" + encode(beforeLate.toString()) + "&q=" + RUN)).hasSize(3);
		assertThat(messages("since=15m&q=" + RUN)).hasSize(4);
		assertThat(messages("since=1ms&q=" + RUN)).isEmpty();
	}

	@Test
	void qMatchesTextAndFieldTermsJoinedByAnd() {
		assertThat(messages("q=" + encode("order_id:42 AND " + RUN))).containsExactly(
				"Payment failed " + RUN + " card [REDACTED]", "Order placed " + RUN);
		assertThat(messages("q=" + encode("order_id:42 AND level:ERROR AND " + RUN))).containsExactly(
				"Payment failed " + RUN + " card [REDACTED]");
		assertThat(messages("q=" + encode("STOCK LOW " + RUN))).containsExactly("Order stock low " + RUN);
	}

	@Test
	void limitCapsTheNumberOfEvents() {
		JsonNode body = api.json("/recent?limit=2&q=" + RUN);
		assertThat(body.path("count").asInt()).isEqualTo(2);
		assertThat(body.path("events")).hasSize(2);
	}

	@Test
	void badParametersAnswerAProblemNamingTheParameter() {
		assertProblem("/recent?limit=0", "limit");
		assertProblem("/recent?limit=1001", "limit");
		assertProblem("/recent?level=LOUD", "level");
		assertProblem("/recent?since=yesterday", "since");
		assertProblem("/recent?until=2026-13-45T00:00:00Z", "until");
		assertProblem("/recent?levl=INFO", "levl");
		assertProblem("/performance?window=forever", "window");
		assertProblem("/stats?top=-1", "top");
	}

	@Test
	void unknownPathsAnswer404Problems() {
		HttpResponse<String> response = api.get("/nothing-here");
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(LogApi.parse(response.body()).path("status").asInt()).isEqualTo(404);
	}

	@Test
	void callersWithoutTheAuthorityAreRefused() {
		HttpCalls http = new HttpCalls(application.port());
		HttpResponse<String> anonymous = http.get(LogApi.BASE + "/recent");
		assertThat(anonymous.statusCode()).isEqualTo(401);
		assertThat(anonymous.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(anonymous.body()).doesNotContain(RUN);
		HttpResponse<String> user = http.get(LogApi.BASE + "/recent", "Authorization",
				HttpCalls.basic("alice", "alice-pass"));
		assertThat(user.statusCode()).isEqualTo(403);
		assertThat(user.body()).doesNotContain(RUN);
		for (String path : List.of("/health", "/stats", "/performance", "/config", "/audit", "/audit/verify",
				"/stream", "/nothing-here")) {
			assertThat(http.get(LogApi.BASE + path).statusCode()).as(path).isEqualTo(401);
		}
		assertThat(http.post(LogApi.BASE + "/test", "application/json", "").statusCode()).isEqualTo(401);
	}

	@Test
	void storeFillAndCountsAreInTheStatistics() throws Exception {
		JsonNode stats = api.json("/stats?top=500");
		assertThat(stats.path("store").path("capacity").asInt()).isEqualTo(10_000);
		assertThat(stats.path("store").path("size").asInt()).isPositive();
		assertThat(stats.path("store").path("memory_bytes").asLong()).isPositive();
		assertThat(stats.path("top_loggers").path("com.example.payments.PaymentGateway").asLong()).isEqualTo(1);
		assertThat(stats.path("by_level").path("ERROR").asLong()).isPositive();
		assertThat(stats.path("events_per_second").path("1m").asDouble()).isPositive();
		assertThat(stats.path("errors_per_minute").path("15m").asDouble()).isPositive();
		// The file grows while the test runs: its size lies between the two readings.
		assertThat(stats.path("files").path("application").path("size_bytes").asLong()).isPositive()
			.isLessThanOrEqualTo(Files.size(logs.resolve("application.json")));
		assertThat(stats.path("dropped_events").asLong()).isZero();
		assertThat(stats.path("uptime_seconds").asLong()).isNotNegative();
	}

	private static List<String> messages(String query) {
		return api.recent(query).stream().map((event) -> event.path("message").asString()).toList();
	}

	private static void assertProblem(String path, String parameter) {
		HttpResponse<String> response = api.get(path);
		assertThat(response.statusCode()).as(path).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type")).as(path).hasValue("application/problem+json");
		JsonNode problem = LogApi.parse(response.body());
		assertThat(problem.path("status").asInt()).isEqualTo(400);
		assertThat(problem.path("parameter").asString()).as(path).isEqualTo(parameter);
		assertThat(problem.path("detail").asString()).as(path).contains(parameter);
	}

}
