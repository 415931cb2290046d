package io.github.structuredlogging.web;

import java.util.List;

import io.github.structuredlogging.testing.HttpCalls;
import io.github.structuredlogging.testing.LogApi;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/v1/logs/errors}: the same exception thrown from two places in a running
 * application makes two groups.
 */
class ErrorGroupsApiTests {

	@Test
	void oneExceptionFromTwoPlacesIsTwoGroupsWithTheirCounts() {
		try (WebTestApplication application = WebTestApplication.start()) {
			HttpCalls http = new HttpCalls(application.port());
			for (int i = 0; i < 5; i++) {
				http.get("/fail", "X-Correlation-ID", "fail-" + i);
			}
			http.get("/orders/2/fail", "X-Correlation-ID", "fail-order");
			JsonNode report = new LogApi(application.port(), "ops", "ops-pass").json("/errors?window=10m");
			List<JsonNode> groups = report.path("groups")
				.valueStream()
				.filter((group) -> "java.lang.IllegalStateException".equals(group.path("error_type").asString()))
				.toList();
			assertThat(groups).extracting((group) -> group.path("count").asLong()).containsExactly(5L, 1L);
			assertThat(groups.get(0).path("frame").asString()).endsWith("TestController.fail");
			assertThat(groups.get(1).path("frame").asString()).endsWith("TestController.failOrder");
			assertThat(groups.get(0).path("correlation_ids").valueStream().map(JsonNode::asString).toList())
				.containsExactly("fail-4", "fail-3", "fail-2", "fail-1", "fail-0");
			assertThat(groups.get(0).path("trend").valueStream().mapToLong(JsonNode::asLong).sum()).isEqualTo(5);
			assertThat(new LogApi(application.port(), "ops", "ops-pass").get("/errors?window=2d").statusCode())
				.isEqualTo(400);
		}
	}

}
