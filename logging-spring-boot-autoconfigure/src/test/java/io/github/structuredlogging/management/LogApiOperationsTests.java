package io.github.structuredlogging.management;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.github.structuredlogging.runtime.StructuredLoggingRuntime;
import io.github.structuredlogging.testing.HttpCalls;
import io.github.structuredlogging.testing.JsonLines;
import io.github.structuredlogging.testing.LogApi;
import io.github.structuredlogging.web.WebTestApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

/**
 * Performance, test events, configuration, health and Actuator of a real server.
 */
class LogApiOperationsTests {

	static final String SIGNING_KEY = "audit-signing-key-that-must-never-show";

	@TempDir
	static Path logs;

	static WebTestApplication application;

	static LogApi api;

	static HttpCalls http;

	@BeforeAll
	static void start() {
		application = WebTestApplication.start("structured-logging.file.directory=" + logs,
				"structured-logging.audit.signing-key=" + SIGNING_KEY, "logging.level.com.example.tuned=DEBUG",
				"management.endpoints.web.exposure.include=health,logs,metrics",
				"management.endpoint.health.show-details=always",
				"structured-logging.http.slow-threshold=150ms", "structured-logging.http.very-slow-threshold=400ms",
				// The machine's own disk must not decide the health these tests expect.
				"structured-logging.api.health.disk-warn-percent=100",
				"structured-logging.api.health.disk-critical-percent=100");
		api = new LogApi(application.port(), "ops", "ops-pass");
		http = new HttpCalls(application.port());
	}

	@AfterAll
	static void stop() {
		application.close();
	}

	@Test
	void performanceSummarizesKnownRequestsPerRoute() {
		// Ten requests of 20, 40, ... 200 ms on one route, two failures on another.
		for (int i = 1; i <= 10; i++) {
			assertThat(http.get("/slow?millis=" + (i * 20), "X-Correlation-ID", "perf-" + i).statusCode())
				.isEqualTo(200);
		}
		http.get("/fail");
		http.get("/fail");
		JsonNode report = api.json("/performance?window=5m&slowest=3");
		JsonNode slow = route(report, "/slow");
		assertThat(slow.path("count").asLong()).isEqualTo(10);
		assertThat(slow.path("server_errors").asLong()).isZero();
		// Against the durations the requests' own performance lines measured, not the
		// clock of this machine: p50 is the 5th of the 10, p95 and max the 10th, to the
		// aggregates' two significant digits.
		application.bean(StructuredLoggingRuntime.class).flush(java.time.Duration.ofSeconds(10));
		List<JsonNode> lines = JsonLines.read(logs.resolve("performance.json"))
			.all()
			.stream()
			.filter((line) -> line.path("correlation_id").asString().matches("perf-\\d+"))
			.toList();
		List<Double> durations = lines.stream().map((line) -> line.path("duration_ms").asDouble()).sorted().toList();
		assertThat(durations).hasSize(10);
		assertThat(durations.get(0)).isGreaterThanOrEqualTo(20.0);
		assertThat(slow.path("p50_ms").asDouble()).isCloseTo(durations.get(4), withinPercentage(2));
		assertThat(slow.path("p95_ms").asDouble()).isCloseTo(durations.get(9), withinPercentage(2));
		assertThat(slow.path("max_ms").asDouble()).isCloseTo(durations.get(9), withinPercentage(2));
		for (String tier : List.of("fast", "normal", "slow", "very_slow")) {
			long written = lines.stream().filter((line) -> tier.equals(line.path("performance_tier").asString())).count();
			assertThat(slow.path("tiers").path(tier).asLong()).as(tier).isEqualTo(written);
		}
		JsonNode fail = route(report, "/fail");
		assertThat(fail.path("count").asLong()).isEqualTo(2);
		assertThat(fail.path("error_rate").asDouble()).isEqualTo(1.0);
		assertThat(report.path("overall").path("count").asLong()).isGreaterThanOrEqualTo(12);
		// The three whose own lines measured the longest: on a busy machine a shorter sleep
		// can take longer than the next one.
		List<String> slowest = new ArrayList<>();
		report.path("slowest").forEach((request) -> slowest.add(request.path("correlation_id").asString()));
		List<String> measuredSlowest = lines.stream()
			.sorted(Comparator.comparingDouble((JsonNode line) -> line.path("duration_ms").asDouble()).reversed())
			.limit(3)
			.map((line) -> line.path("correlation_id").asString())
			.toList();
		assertThat(slowest).containsExactlyElementsOf(measuredSlowest);
	}

	@Test
	void testEventsAreWrittenAtEachEnabledLevelAndReturnedMasked() {
		HttpResponse<String> response = api.post("/test");
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode body = LogApi.parse(response.body());
		String id = body.path("correlation_id").asString();
		assertThat(id).isNotBlank();
		List<String> levels = new ArrayList<>();
		body.path("events").forEach((event) -> {
			assertThat(event.path("correlation_id").asString()).isEqualTo(id);
			levels.add(event.path("level").asString() + "/" + event.path("log_stream").asString());
		});
		assertThat(levels).containsExactly("INFO/application", "WARN/application", "ERROR/application",
				"INFO/audit");
		assertThat(body.path("skipped_levels")).extracting(JsonNode::asString).containsExactly("TRACE", "DEBUG");
		assertThat(api.recent("correlation_id=" + id)).hasSize(4);
	}

	@Test
	void configurationShowsTheEffectiveSettingsWithSecretsMasked() {
		HttpResponse<String> response = api.get("/config");
		assertThat(response.body()).doesNotContain(SIGNING_KEY);
		JsonNode config = LogApi.parse(response.body());
		assertThat(config.path("output").path("json_layout").asString()).isEqualTo("default");
		JsonNode audit = config.path("audit");
		assertThat(audit.path("signing_key").asString()).isEqualTo("******");
		assertThat(audit.path("chain").asString()).isEqualTo("hmac-sha256");
		List<String> streams = new ArrayList<>();
		config.path("streams").forEach((stream) -> streams.add(stream.path("stream").asString() + ":"
				+ stream.path("max_history_days").asInt() + ":" + stream.path("max_file_size").asString()));
		assertThat(streams).containsExactly("application:30:104857600B", "error:90:52428800B",
				"performance:30:209715200B", "audit:365:52428800B");
		assertThat(config.path("http").path("slow_threshold").asString()).isEqualTo("PT0.15S");
		assertThat(config.path("masking").path("rules")).extracting(JsonNode::asString).contains("card-number");
		assertThat(config.path("loggers").path("com.example.tuned").asString()).isEqualTo("DEBUG");
		assertThat(config.has("shippers")).isFalse();
	}

	@Test
	void healthReportsEachCheck() {
		JsonNode health = api.json("/health");
		assertThat(health.path("status").asString()).isEqualTo("UP");
		JsonNode checks = health.path("checks");
		assertThat(checks.path("directory").path("details").path("writable").asBoolean()).isTrue();
		assertThat(checks.path("disk").path("details").path("used_percent").asDouble()).isBetween(0.0, 100.0);
		assertThat(checks.path("appender_errors").path("status").asString()).isEqualTo("UP");
		assertThat(checks.path("dropped_events").path("details").path("total").asLong()).isZero();
		assertThat(checks.path("last_write").path("details").path("age_seconds").asLong()).isNotNegative();
	}

	@Test
	void actuatorEndpointIsGuardedLikeTheLogApi() {
		HttpResponse<String> anonymous = http.get("/actuator/logs/recent");
		assertThat(anonymous.statusCode()).isEqualTo(401);
		assertThat(LogApi.parse(anonymous.body()).path("status").asInt()).isEqualTo(401);
		HttpResponse<String> user = http.get("/actuator/logs", "Authorization", HttpCalls.basic("alice", "alice-pass"));
		assertThat(user.statusCode()).isEqualTo(403);
		assertThat(user.headers().firstValue("Content-Type")).hasValueSatisfying(
				(value) -> assertThat(value).contains("application/problem+json"));
		assertThat(http.get("/actuator/logs/config", "Authorization", HttpCalls.basic("alice", "alice-pass"))
			.statusCode()).isEqualTo(403);
		assertThat(http.get("/actuator/logs/config", "Authorization", HttpCalls.basic("ops", "ops-pass"))
			.statusCode()).isEqualTo(200);
		assertThat(http.get("/actuator/logs/recent?limit=1", "Authorization", HttpCalls.basic("ops", "ops-pass"))
			.statusCode()).isEqualTo(200);
		application.bean(StructuredLoggingRuntime.class).flush(java.time.Duration.ofSeconds(10));
		assertThat(api.json("/audit?event=LOG_API_AUDIT_READ&limit=1000").path("records"))
			.anySatisfy((record) -> {
				assertThat(record.path("audit_action").asString()).isEqualTo("read_recent_events");
				assertThat(record.path("audit_principal").asString()).isEqualTo("ops");
			});
	}

	@Test
	void actuatorServesTheSameSectionsAndTheHealthIndicator() {
		String admin = HttpCalls.basic("ops", "ops-pass");
		JsonNode recent = LogApi.parse(http.get("/actuator/logs/recent?level=ERROR&limit=5", "Authorization", admin)
			.body());
		assertThat(recent.path("events")).allSatisfy(
				(event) -> assertThat(event.path("level").asString()).isEqualTo("ERROR"));
		assertThat(LogApi.parse(http.get("/actuator/logs/stats", "Authorization", admin).body()).path("store")
			.path("capacity")
			.asInt()).isEqualTo(10_000);
		assertThat(LogApi.parse(http.get("/actuator/logs", "Authorization", admin).body()).path("health")
			.path("status")
			.asString()).isEqualTo("UP");
		HttpResponse<String> bad = http.get("/actuator/logs/recent?limit=0", "Authorization", admin);
		assertThat(bad.statusCode()).isEqualTo(400);
		JsonNode problem = LogApi.parse(bad.body());
		assertThat(problem.path("parameter").asString()).isEqualTo("limit");
		// The same RFC 9457 problem as the log API's.
		assertThat(problem.path("title").asString()).isEqualTo("Invalid parameter");
		assertThat(problem.path("status").asInt()).isEqualTo(400);
		JsonNode apiProblem = LogApi.parse(api.get("/recent?limit=0").body());
		for (String member : List.of("type", "title", "status", "detail", "parameter")) {
			assertThat(apiProblem.path(member)).as(member).isEqualTo(problem.path(member));
		}
		assertThat(http.get("/actuator/logs/nothing", "Authorization", admin).statusCode()).isEqualTo(404);
		JsonNode health = LogApi.parse(http.get("/actuator/health/logging").body());
		assertThat(health.path("status").asString()).isEqualTo("UP");
		assertThat(health.path("details").path("disk").path("status").asString()).isEqualTo("UP");
		JsonNode events = LogApi.parse(http.get("/actuator/metrics/structured.logging.events?tag=level:INFO").body());
		assertThat(events.path("measurements").get(0).path("value").asDouble()).isPositive();
		assertThat(http.get("/actuator/metrics/structured.logging.store.size").statusCode()).isEqualTo(200);
	}

	private static JsonNode route(JsonNode report, String route) {
		for (JsonNode summary : report.path("routes")) {
			if (route.equals(summary.path("http_route").asString())) {
				return summary;
			}
		}
		throw new AssertionError("No route " + route + " in " + report);
	}

}
