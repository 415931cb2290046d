package io.github.structuredlogging.web;

import java.net.http.HttpResponse;
import java.time.Duration;

import io.github.structuredlogging.http.MicrometerRequestPerformanceListener;
import io.github.structuredlogging.runtime.StructuredLoggingRuntime;
import io.github.structuredlogging.testing.ConsoleOutput;
import io.github.structuredlogging.testing.HttpCalls;
import io.github.structuredlogging.testing.LogApi;
import io.github.structuredlogging.testing.PerformanceLines;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The performance line of requests to a real server from a real client.
 */
@ExtendWith(OutputCaptureExtension.class)
class RequestPerformanceLineTests {

	private static WebTestApplication application;

	private static HttpCalls http;

	@BeforeAll
	static void start() {
		application = WebTestApplication.start("server.tomcat.threads.max=1",
				"structured-logging.http.normal-threshold=100ms",
				"structured-logging.http.slow-threshold=300ms", "structured-logging.http.very-slow-threshold=700ms",
				"structured-logging.http.exclude-patterns=/actuator/**,/actuator-like/**");
		http = new HttpCalls(application.port());
	}

	// The console is written in batches by the writer thread: a test's last line must be
	// out before the next test captures the console.
	@AfterEach
	void writeOut() {
		application.bean(StructuredLoggingRuntime.class).flush(Duration.ofSeconds(5));
	}

	@AfterAll
	static void stop() {
		application.close();
	}

	@Test
	void lineNamesTheRouteAndDescribesTheExchange(CapturedOutput output) {
		HttpResponse<String> response = http.get("/orders/42?expand=items", "User-Agent", "agent/" + "x".repeat(300));
		JsonNode line = onlyLine(output, "/orders/42");
		assertThat(line.path("level").asString()).isEqualTo("INFO");
		assertThat(line.path("logger_name").asString()).isEqualTo("io.github.structuredlogging.http.RequestPerformance");
		assertThat(line.path("http_method").asString()).isEqualTo("GET");
		assertThat(line.path("http_route").asString()).isEqualTo("/orders/{id}");
		assertThat(line.path("http_query").asString()).isEqualTo("expand=items");
		assertThat(line.path("http_status").asInt()).isEqualTo(200);
		assertThat(line.path("duration_ms").isNumber()).isTrue();
		assertThat(line.path("duration_ms").asDouble()).isPositive();
		assertThat(line.path("performance_tier").asString()).isEqualTo(tierOf(line.path("duration_ms").asDouble()));
		assertThat(line.path("response_bytes").asLong()).isEqualTo(response.body().getBytes().length);
		assertThat(line.path("request_bytes").asLong()).isZero();
		assertThat(line.path("client_ip").asString()).isEqualTo("127.0.0.1");
		assertThat(line.path("user_agent").asString()).hasSize(200).startsWith("agent/");
		assertThat(line.path("message").asString()).startsWith("GET /orders/{id} 200 in ").endsWith(" ms");
		assertThat(line.path("correlation_id").asString()).isEqualTo(response.headers().firstValue("X-Correlation-ID").orElseThrow());
	}

	@Test
	void tierFollowsTheThresholds(CapturedOutput output) {
		http.get("/slow?millis=350");
		JsonNode slow = onlyLine(output, "/slow");
		assertThat(slow.path("performance_tier").asString()).isEqualTo("slow");
		assertThat(slow.path("duration_ms").asDouble()).isGreaterThanOrEqualTo(350.0);
		assertThat(slow.path("level").asString()).isEqualTo("INFO");
	}

	@Test
	void verySlowRequestIsAWarning(CapturedOutput output) {
		http.get("/slow?millis=750");
		JsonNode verySlow = onlyLine(output, "/slow");
		assertThat(verySlow.path("performance_tier").asString()).isEqualTo("very_slow");
		assertThat(verySlow.path("level").asString()).isEqualTo("WARN");
	}

	@Test
	void clientErrorIsAWarningNamingTheException(CapturedOutput output) {
		assertThat(http.get("/missing").statusCode()).isEqualTo(404);
		JsonNode line = onlyLine(output, "/missing");
		assertThat(line.path("http_status").asInt()).isEqualTo(404);
		assertThat(line.path("level").asString()).isEqualTo("WARN");
		assertThat(line.path("error_type").asString())
			.isEqualTo("org.springframework.web.server.ResponseStatusException");
		assertThat(line.has("stack_trace")).isFalse();
	}

	@Test
	void uncaughtExceptionIsAnErrorWithItsStackTraceAndOneLineOnly(CapturedOutput output) {
		assertThat(http.get("/fail").statusCode()).isEqualTo(500);
		JsonNode line = onlyLine(output, "/fail");
		assertThat(line.path("http_status").asInt()).isEqualTo(500);
		assertThat(line.path("level").asString()).isEqualTo("ERROR");
		assertThat(line.path("error_type").asString()).isEqualTo("java.lang.IllegalStateException");
		assertThat(line.path("error_message").asString()).isEqualTo("Inventory service unavailable");
		assertThat(line.path("stack_trace").asString()).contains("TestController.fail");
	}

	@Test
	void excludedPathsWriteNothing(CapturedOutput output) {
		assertThat(http.get("/actuator/health").statusCode()).isEqualTo(200);
		assertThat(http.get("/actuator-like/health").statusCode()).isEqualTo(200);
		// One request thread: once the next request's line is there, any line of the
		// excluded ones would be too.
		http.get("/orders/1");
		onlyLine(output, "/orders/1");
		assertThat(PerformanceLines.all(output)).hasSize(1);
	}

	@Test
	void jdbcStatementsOfTheRequestAreCounted(CapturedOutput output) {
		http.get("/db");
		JsonNode line = onlyLine(output, "/db");
		assertThat(line.path("db_query_count").asInt()).isEqualTo(3);
		assertThat(line.path("db_time_ms").isNumber()).isTrue();
	}

	@Test
	void asyncRequestWritesOneLineWithTheFullDuration(CapturedOutput output) {
		HttpResponse<String> response = http.get("/callable?millis=300", "X-Correlation-ID", "async-request-1");
		assertThat(response.body()).isEqualTo("done later");
		JsonNode line = onlyLine(output, "/callable");
		assertThat(line.path("duration_ms").asDouble()).isGreaterThanOrEqualTo(300.0);
		assertThat(line.path("http_status").asInt()).isEqualTo(200);
		assertThat(line.path("response_bytes").asLong()).isEqualTo(10);
		assertThat(line.path("correlation_id").asString()).isEqualTo("async-request-1");
	}

	@Test
	void authenticatedUserIsNamedEvenWhenDenied(CapturedOutput output) {
		String alice = HttpCalls.basic("alice", "alice-pass");
		assertThat(http.get("/secure/profile", "Authorization", alice).statusCode()).isEqualTo(200);
		assertThat(http.get("/admin/panel", "Authorization", alice).statusCode()).isEqualTo(403);
		assertThat(onlyLine(output, "/secure/profile").path("user_name").asString()).isEqualTo("alice");
		JsonNode denied = onlyLine(output, "/admin/panel");
		assertThat(denied.path("user_name").asString()).isEqualTo("alice");
		assertThat(denied.path("level").asString()).isEqualTo("WARN");
	}

	@Test
	void aLoginAskedForBySpringSecurityIsAnAnswerNotAnError(CapturedOutput output) {
		assertThat(http.get(LogApi.BASE + "/console").statusCode()).isEqualTo(401);
		JsonNode line = onlyLine(output, LogApi.BASE + "/console");
		assertThat(line.path("http_status").asInt()).isEqualTo(401);
		assertThat(line.path("level").asString()).isEqualTo("WARN");
		assertThat(line.has("error_type")).isFalse();
	}

	@Test
	void anonymousRequestHasNoUserName(CapturedOutput output) {
		http.get("/orders/5");
		assertThat(onlyLine(output, "/orders/5").has("user_name")).isFalse();
	}

	@Test
	void requestsAreCountedByTier() {
		MeterRegistry registry = application.bean(MeterRegistry.class);
		double before = registry.find(MicrometerRequestPerformanceListener.METER_NAME).counters().stream()
			.mapToDouble((counter) -> counter.count())
			.sum();
		http.get("/orders/6");
		double after = registry.find(MicrometerRequestPerformanceListener.METER_NAME).counters().stream()
			.mapToDouble((counter) -> counter.count())
			.sum();
		assertThat(after - before).isEqualTo(1.0);
	}

	@Test
	void theRequestIsCountedUnderItsOwnTier(CapturedOutput output) {
		MeterRegistry registry = application.bean(MeterRegistry.class);
		double before = tierCount(registry, "very_slow");
		http.get("/slow?millis=800");
		JsonNode line = onlyLine(output, "/slow");
		assertThat(line.path("performance_tier").asString()).isEqualTo("very_slow");
		assertThat(tierCount(registry, "very_slow") - before).isEqualTo(1.0);
	}

	@Test
	void sensitiveRouteVariablesAndEncodedSecretsInThePathAreMaskedEverywhere(CapturedOutput output) {
		String token = "Zk9xQ2R8vT4mP7sL1nB6";
		http.get("/reset/" + token);
		assertThat(onlyLine(output, "/reset/[REDACTED]").path("http_route").asString()).isEqualTo("/reset/{token}");
		http.get("/users/alice.smith%40example.com/profile", "X-Correlation-ID", "4111111111111111");
		onlyLine(output, "/users/a***@example.com/profile");
		assertThat(ConsoleOutput.written(output)).doesNotContain(token).doesNotContain("alice.smith");
		String performance = new LogApi(application.port(), "ops", "ops-pass").get("/performance?slowest=100").body();
		assertThat(performance).doesNotContain(token).doesNotContain("alice.smith").doesNotContain("4111111111111111");
	}

	private static double tierCount(MeterRegistry registry, String tier) {
		Counter counter = registry.find(MicrometerRequestPerformanceListener.METER_NAME).tag("tier", tier).counter();
		return (counter != null) ? counter.count() : 0;
	}

	// The thresholds this application runs with: 100, 300 and 700 ms.
	private static String tierOf(double millis) {
		return (millis < 100) ? "fast" : (millis < 300) ? "normal" : (millis < 700) ? "slow" : "very_slow";
	}

	private static JsonNode onlyLine(CapturedOutput output, String path) {
		return PerformanceLines.awaitOnly(output, path);
	}

}
