package io.github.structuredlogging.management.fleet;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.github.structuredlogging.runtime.StructuredLoggingRuntime;
import io.github.structuredlogging.testing.BrowserScripts;
import io.github.structuredlogging.testing.ForkedApplication;
import io.github.structuredlogging.testing.HttpCalls;
import io.github.structuredlogging.testing.JsonLines;
import io.github.structuredlogging.testing.LogApi;
import io.github.structuredlogging.testing.OpenSearchNode;
import io.github.structuredlogging.web.WebTestApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of one service, one in this JVM and one in a JVM of its own, shipping to
 * one real OpenSearch node (forked too): the log API of the first answers with
 * {@code scope=fleet} for both.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FleetViewTests {

	private static final String ROUTE = "/orders/{id}";

	@TempDir
	static Path nodeDirectory;

	@TempDir
	static Path logsOfA;

	@TempDir
	static Path logsOfB;

	@TempDir
	static Path output;

	static OpenSearchNode node;

	static ForkedApplication b;

	static WebTestApplication a;

	static HttpCalls toA;

	static HttpCalls toB;

	static LogApi api;

	@BeforeAll
	static void startTheFleet() {
		node = OpenSearchNode.start(nodeDirectory);
		b = ForkedApplication.start(WebTestApplication.class, output.resolve("b.log"), instance("b", logsOfB));
		a = WebTestApplication.start(instance("a", logsOfA));
		toA = new HttpCalls(a.port());
		toB = new HttpCalls(b.port());
		api = new LogApi(a.port(), "ops", "ops-pass");
	}

	@AfterAll
	static void stopTheFleet() {
		for (AutoCloseable each : new AutoCloseable[] { a, b, node }) {
			try {
				if (each != null) {
					each.close();
				}
			}
			catch (Exception ex) {
				// Stop the others.
			}
		}
	}

	private static String[] instance(String id, Path logs) {
		return new String[] { "structured-logging.service-name=fleet-service", "structured-logging.environment=qa",
				"structured-logging.service-instance-id=" + id, "structured-logging.file.directory=" + logs,
				"structured-logging.shipping.elasticsearch.url=" + node.url(),
				"structured-logging.shipping.elasticsearch.batch-timeout=200ms",
				"structured-logging.shipping.elasticsearch.max-backoff=2s",
				"structured-logging.shipping.drain-timeout=2s", "structured-logging.fleet.enabled=true" };
	}

	@Test
	@Order(1)
	void aRequestThatCrossedBothInstancesIsOneTimelineInTimeOrder() {
		assertThat(toA.get("/relay/5?port=" + b.port(), "X-Correlation-ID", "fleet-relay").statusCode()).isEqualTo(200);
		await().atMost(30, TimeUnit.SECONDS).ignoreExceptions()
			.until(() -> instances(fleetRecent("correlation_id=fleet-relay")).equals(Set.of("a", "b"))
					&& fleetRecent("correlation_id=fleet-relay").size() >= 4);
		List<JsonNode> events = fleetRecent("correlation_id=fleet-relay");
		assertThat(events).extracting((event) -> event.path("message").asString())
			.contains("Relaying order 5", "Loading order");
		assertThat(events).allSatisfy((event) -> {
			assertThat(event.path("correlation_id").asString()).isEqualTo("fleet-relay");
			assertThat(event.path("host_name").asString()).isNotBlank();
			assertThat(event.path("service_name").asString()).isEqualTo("fleet-service");
		});
		List<Instant> times = events.stream().map((event) -> Instant.parse(event.path("@timestamp").asString())).toList();
		assertThat(times).isSortedAccordingTo((x, y) -> y.compareTo(x));
		// The instance's own view has its own half only.
		JsonNode local = api.json("/recent?correlation_id=fleet-relay");
		assertThat(instances(LogApi.elements(local.path("events")))).containsExactly("a");
		assertThat(local.path("count").asInt()).isLessThan(events.size());
	}

	@Test
	@Order(2)
	void percentilesOfARouteAreThoseOfBothInstancesRequests() throws Exception {
		for (int i = 0; i < 15; i++) {
			toA.get("/orders/" + i);
			toB.get("/orders/" + i);
		}
		a.bean(StructuredLoggingRuntime.class).flush(Duration.ofSeconds(5));
		await().atMost(30, TimeUnit.SECONDS).ignoreExceptions().until(() -> {
			List<Double> written = durations();
			return written.size() >= 30
					&& LogApi.route(api.json("/performance?scope=fleet&window=15m"), ROUTE).path("count").asInt() == written
						.size();
		});
		List<Double> durations = durations().stream().sorted().toList();
		JsonNode route = LogApi.route(api.json("/performance?scope=fleet&window=15m"), ROUTE);
		assertThat(route.path("count").asInt()).isEqualTo(durations.size());
		for (String percentile : List.of("p50", "p95", "p99")) {
			double quantile = Integer.parseInt(percentile.substring(1)) / 100.0;
			double rank = quantile * (durations.size() - 1);
			// The percentiles aggregation interpolates between the values next to the rank.
			double low = durations.get(Math.max(0, (int) Math.floor(rank) - 1));
			double high = durations.get(Math.min(durations.size() - 1, (int) Math.ceil(rank) + 1));
			assertThat(route.path(percentile + "_ms").asDouble()).as(percentile + " of " + durations)
				.isBetween(low * 0.99, high * 1.01);
		}
		JsonNode only = api.json("/performance?scope=fleet&window=15m&slowest=3&route="
				+ URLEncoder.encode(ROUTE, StandardCharsets.UTF_8));
		assertThat(only.path("overall").path("count").asInt()).isEqualTo(durations.size());
		assertThat(only.path("overall").path("max_ms").asDouble()).isCloseTo(durations.get(durations.size() - 1),
				org.assertj.core.data.Percentage.withPercentage(1));
		assertThat(LogApi.elements(only.path("slowest"))).hasSize(3)
			.allSatisfy((slow) -> assertThat(slow.path("http_route").asString()).isEqualTo(ROUTE));
		assertThat(LogApi.elements(only.path("minutes"))).isNotEmpty();
	}

	@Test
	@Order(3)
	void theSameExceptionOnBothInstancesIsOneGroupWithTheSummedCount() {
		for (int i = 0; i < 3; i++) {
			toA.get("/fail", "X-Correlation-ID", "fail-a-" + i);
		}
		for (int i = 0; i < 2; i++) {
			toB.get("/fail", "X-Correlation-ID", "fail-b-" + i);
		}
		toA.get("/orders/3/fail", "X-Correlation-ID", "fail-order-a");
		await().atMost(30, TimeUnit.SECONDS)
			.ignoreExceptions()
			.until(() -> failGroups().stream().mapToLong((group) -> group.path("count").asLong()).sum() == 6);
		List<JsonNode> groups = failGroups();
		assertThat(groups).hasSize(2);
		JsonNode fail = groups.stream().filter((group) -> group.path("frame").asString().endsWith("TestController.fail"))
			.findFirst()
			.orElseThrow();
		assertThat(fail.path("count").asLong()).isEqualTo(5);
		assertThat(fail.path("template").asString()).isEqualTo("Inventory service unavailable");
		assertThat(LogApi.elements(fail.path("correlation_ids"))).extracting(JsonNode::asString)
			.contains("fail-a-2", "fail-b-1");
		assertThat(fail.path("trend").size()).isEqualTo(12);
		assertThat(groups).filteredOn((group) -> group.path("frame").asString().endsWith("TestController.failOrder"))
			.singleElement()
			.satisfies((group) -> assertThat(group.path("count").asLong()).isEqualTo(1));
	}

	@Test
	@Order(4)
	void statisticsCountEachInstanceAndAuditRecordsOfBothArePagedAndTheReadIsAudited() {
		toA.get("/secure/profile", "Authorization", HttpCalls.basic("alice", "wrong-on-a"));
		toB.get("/secure/profile", "Authorization", HttpCalls.basic("alice", "wrong-on-b"));
		await().atMost(30, TimeUnit.SECONDS)
			.ignoreExceptions()
			.until(() -> api.json("/audit?scope=fleet&event=AUTHENTICATION_FAILURE").path("records").size() == 2);
		JsonNode first = api.json("/audit?scope=fleet&event=AUTHENTICATION_FAILURE&limit=1");
		String cursor = first.path("next_cursor").asString();
		assertThat(cursor).isNotBlank();
		JsonNode second = api.json("/audit?scope=fleet&event=AUTHENTICATION_FAILURE&limit=1&cursor=" + cursor);
		assertThat(instances(List.of(first.path("records").get(0), second.path("records").get(0))))
			.containsExactlyInAnyOrder("a", "b");
		assertThat(api.get("/audit?scope=fleet&cursor=not-a-cursor").statusCode()).isEqualTo(400);
		a.bean(StructuredLoggingRuntime.class).flush(Duration.ofSeconds(5));
		assertThat(JsonLines.read(logsOfA.resolve("audit.json")).all())
			.filteredOn((record) -> "LOG_API_AUDIT_READ".equals(record.path("audit_event").asString()))
			.anySatisfy((record) -> assertThat(record.path("audit_details").path("parameters").path("scope").asString())
				.isEqualTo("fleet"));
		JsonNode stats = api.json("/stats?scope=fleet&window=15m");
		JsonNode byInstance = stats.path("by_instance");
		assertThat(byInstance.path("a").asLong()).isPositive();
		assertThat(byInstance.path("b").asLong()).isPositive();
		assertThat(byInstance.path("a").asLong() + byInstance.path("b").asLong())
			.isEqualTo(stats.path("events_total").asLong());
		assertThat(stats.path("by_stream").has("performance")).isTrue();
		assertThat(stats.path("events_per_second").has("15m")).isTrue();
	}

	@Test
	@Order(5)
	void theConsoleSwitchedToEveryInstanceShowsTheRequestOfBothAsOneTimeline() throws Exception {
		BrowserScripts.assumeAvailable();
		BrowserScripts.drive("console-fleet.test.mjs", (command) -> {
		}, "http://127.0.0.1:" + a.port() + LogApi.BASE + "/console", "ops", "ops-pass", "fleet-relay",
				BrowserScripts.screenshots().toString());
	}

	@Test
	@Order(6)
	void badParametersAreRefusedNamingTheParameter() {
		HttpResponse<String> service = api
			.get("/recent?scope=fleet&service=" + URLEncoder.encode("a b", StandardCharsets.UTF_8));
		assertThat(service.statusCode()).isEqualTo(400);
		assertThat(service.body()).contains("service");
		HttpResponse<String> scope = api.get("/recent?scope=everywhere");
		assertThat(scope.statusCode()).isEqualTo(400);
		assertThat(scope.body()).contains("scope");
		HttpResponse<String> range = api.get("/recent?scope=fleet&since=2020-01-01T00:00:00Z");
		assertThat(range.statusCode()).isEqualTo(400);
		assertThat(range.body()).contains("since");
		assertThat(api.get("/health?scope=fleet").statusCode()).isEqualTo(400);
		JsonNode fleet = api.json("/fleet");
		assertThat(fleet.path("cluster").asString()).isEqualTo(node.url().toString());
		assertThat(fleet.path("service").asString()).isEqualTo("fleet-service");
		assertThat(new HttpCalls(a.port()).get(LogApi.BASE + "/recent?scope=fleet").statusCode()).isEqualTo(401);
	}

	@Test
	@Order(7)
	void withTheClusterDownFleetScopeAnswers503AndLocalScopeStillAnswers() {
		node.stop();
		HttpResponse<String> fleet = api.get("/recent?scope=fleet&correlation_id=fleet-relay");
		assertThat(fleet.statusCode()).isEqualTo(503);
		JsonNode problem = LogApi.parse(fleet.body());
		assertThat(problem.path("detail").asString()).contains("cannot be reached").contains("scope=local");
		assertThat(fleet.body()).doesNotContain("ops-pass");
		assertThat(api.get("/recent?correlation_id=fleet-relay").statusCode()).isEqualTo(200);
		assertThat(api.get("/recent?scope=local&correlation_id=fleet-relay").statusCode()).isEqualTo(200);
	}

	private static List<JsonNode> fleetRecent(String query) {
		return LogApi.elements(api.json("/recent?scope=fleet&limit=1000&" + query).path("events"));
	}

	private static List<JsonNode> failGroups() {
		return LogApi.elements(api.json("/errors?scope=fleet&window=15m").path("groups")).stream()
			.filter((group) -> group.path("error_type").asString().equals("java.lang.IllegalStateException"))
			.toList();
	}

	// Every /orders/{id} request either instance wrote a performance line for.
	private static List<Double> durations() throws Exception {
		List<Double> durations = new ArrayList<>();
		for (Path logs : List.of(logsOfA, logsOfB)) {
			Path file = logs.resolve("performance.json");
			if (Files.exists(file)) {
				JsonLines.read(file)
					.all()
					.stream()
					.filter((line) -> ROUTE.equals(line.path("http_route").asString()))
					.forEach((line) -> durations.add(line.path("duration_ms").asDouble()));
			}
		}
		return durations;
	}

	private static Set<String> instances(List<JsonNode> events) {
		return events.stream().map((event) -> event.path("service_instance_id").asString()).collect(Collectors.toSet());
	}

}
