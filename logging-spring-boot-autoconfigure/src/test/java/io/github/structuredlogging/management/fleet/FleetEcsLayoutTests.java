package io.github.structuredlogging.management.fleet;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.structuredlogging.testing.HttpCalls;
import io.github.structuredlogging.testing.JsonLines;
import io.github.structuredlogging.testing.LogApi;
import io.github.structuredlogging.testing.OpenSearchNode;
import io.github.structuredlogging.web.WebTestApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The fleet view of a service that writes the {@code ecs} layout: the reads use its field
 * names, and durations written in nanoseconds come back in milliseconds.
 */
class FleetEcsLayoutTests {

	@TempDir
	Path nodeDirectory;

	@TempDir
	Path logs;

	@Test
	void theReadsSpeakTheEcsLayout() {
		try (OpenSearchNode node = OpenSearchNode.start(this.nodeDirectory);
				WebTestApplication application = WebTestApplication.start("structured-logging.json.layout=ecs",
						"structured-logging.service-name=ecs-service", "structured-logging.service-instance-id=e1",
						"structured-logging.file.directory=" + this.logs,
						"structured-logging.shipping.elasticsearch.url=" + node.url(),
						"structured-logging.shipping.elasticsearch.batch-timeout=200ms",
						"structured-logging.fleet.enabled=true")) {
			HttpCalls http = new HttpCalls(application.port());
			for (int i = 0; i < 5; i++) {
				http.get("/orders/" + i, "X-Correlation-ID", "ecs-" + i);
			}
			http.get("/fail", "X-Correlation-ID", "ecs-fail");
			LogApi api = new LogApi(application.port(), "ops", "ops-pass");
			// A fleet read made while the node was still opening its new index answered 503,
			// and its own performance line is a group too: the test looks for its own.
			await().atMost(30, TimeUnit.SECONDS)
				.ignoreExceptions()
				.until(() -> LogApi.route(api.json("/performance?scope=fleet"), "/orders/{id}").path("count").asInt() == 5
						&& failGroup(api) != null);
			List<JsonNode> events = LogApi.elements(api.json("/recent?scope=fleet&correlation_id=ecs-2").path("events"));
			assertThat(events).isNotEmpty()
				.allSatisfy((event) -> assertThat(event.path("service.node.name").asString()).isEqualTo("e1"));
			List<Double> written = new ArrayList<>();
			JsonLines.read(this.logs.resolve("performance.json"))
				.all()
				.stream()
				.filter((line) -> "/orders/{id}".equals(line.path("structured.http_route").asString()))
				.forEach((line) -> written.add(line.path("event.duration").asLong() / 1e6));
			JsonNode orders = LogApi.route(api.json("/performance?scope=fleet"), "/orders/{id}");
			assertThat(orders.path("max_ms").asDouble()).isCloseTo(written.stream().mapToDouble(Double::doubleValue).max()
				.orElseThrow(), org.assertj.core.data.Percentage.withPercentage(1));
			JsonNode group = failGroup(api);
			assertThat(group.path("count").asLong()).isEqualTo(1);
			assertThat(group.path("correlation_ids").get(0).asString()).isEqualTo("ecs-fail");
		}
	}

	private static JsonNode failGroup(LogApi api) {
		for (JsonNode group : api.json("/errors?scope=fleet").path("groups")) {
			if (group.path("error_type").asString().equals("java.lang.IllegalStateException")
					&& group.path("frame").asString().endsWith("TestController.fail")) {
				return group;
			}
		}
		return null;
	}

}
