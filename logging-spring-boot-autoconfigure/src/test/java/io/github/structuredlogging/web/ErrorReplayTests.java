package io.github.structuredlogging.web;

import java.nio.file.Path;
import java.util.List;

import io.github.structuredlogging.testing.HttpCalls;
import io.github.structuredlogging.testing.JsonLines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A failed request's DEBUG events, kept back and written before its performance line;
 * a good request's, never.
 */
class ErrorReplayTests {

	@TempDir
	Path logs;

	@Test
	void onlyTheFailedRequestsDebugEventsAreWrittenMarkedAndBeforeItsPerformanceLine() {
		try (WebTestApplication application = WebTestApplication.start("structured-logging.file.directory=" + this.logs,
				"structured-logging.debug-replay.enabled=true")) {
			HttpCalls http = new HttpCalls(application.port());
			assertThat(http.get("/orders/1", "X-Correlation-ID", "good-1").statusCode()).isEqualTo(200);
			assertThat(http.get("/orders/2/fail", "X-Correlation-ID", "bad-2").statusCode()).isEqualTo(500);
		}
		List<JsonNode> lines = JsonLines.read(this.logs.resolve("application.json")).all();
		List<JsonNode> debug = lines.stream().filter((line) -> "DEBUG".equals(line.path("level").asString())).toList();
		assertThat(debug).isNotEmpty().allSatisfy((line) -> {
			assertThat(line.path("correlation_id").asString()).isEqualTo("bad-2");
			assertThat(line.path("debug_replay").asBoolean()).isTrue();
		});
		assertThat(debug).extracting((line) -> line.path("message").asString()).contains("Order 2 read from the cache");
		int lastReplayed = lines.indexOf(debug.get(debug.size() - 1));
		int performanceLine = -1;
		for (int i = 0; i < lines.size(); i++) {
			JsonNode line = lines.get(i);
			if ("performance".equals(line.path("log_stream").asString())
					&& "bad-2".equals(line.path("correlation_id").asString())) {
				performanceLine = i;
			}
		}
		assertThat(performanceLine).isGreaterThan(lastReplayed);
	}

}
