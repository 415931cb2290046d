package io.github.structuredlogging.web;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.github.structuredlogging.testing.HttpCalls;
import io.github.structuredlogging.testing.JsonLines;
import io.github.structuredlogging.testing.LogApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Debug sessions started through the log API in a running application.
 */
class DebugSessionTests {

	private static final String SESSIONS = LogApi.BASE + "/debug-sessions";

	@TempDir
	Path logs;

	@Test
	void aSessionForOneUserTurnsOnDebugForTheirRequestsAndAsyncWorkOnlyAndEndsOnTime() throws Exception {
		try (WebTestApplication application = WebTestApplication.start("structured-logging.file.directory=" + this.logs)) {
			HttpCalls http = new HttpCalls(application.port());
			String ops = HttpCalls.basic("ops", "ops-pass");
			HttpResponse<String> started = http.post(SESSIONS, "application/json",
					"{\"user\":\"alice\",\"duration\":\"PT3S\",\"logger\":\"io.github.structuredlogging.web\"}",
					"Authorization", ops);
			assertThat(started.statusCode()).isEqualTo(201);
			JsonNode session = LogApi.parse(started.body());
			assertThat(started.headers().firstValue("Location")).hasValue(SESSIONS + "/" + session.path("id").asString());
			assertThat(session.path("user").asString()).isEqualTo("alice");
			assertThat(session.path("started_by").asString()).isEqualTo("ops");
			assertThat(LogApi.parse(http.get(SESSIONS, "Authorization", ops).body()).path("sessions")
				.findValuesAsString("id")).containsExactly(session.path("id").asString());
			String alice = HttpCalls.basic("alice", "alice-pass");
			http.get("/orders/1", "Authorization", alice, "X-Correlation-ID", "alice-1");
			http.get("/orders/2", "Authorization", ops, "X-Correlation-ID", "ops-2");
			http.get("/orders/3", "X-Correlation-ID", "anonymous-3");
			http.get("/async-work", "Authorization", alice, "X-Correlation-ID", "alice-async");
			long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
			while (!LogApi.parse(http.get(SESSIONS, "Authorization", ops).body()).path("sessions").isEmpty()
					&& System.nanoTime() < deadline) {
				Thread.sleep(100);
			}
			http.get("/orders/4", "Authorization", alice, "X-Correlation-ID", "alice-after");
		}
		List<JsonNode> debug = JsonLines.read(this.logs.resolve("application.json"))
			.all()
			.stream()
			.filter((line) -> "DEBUG".equals(line.path("level").asString()))
			.toList();
		assertThat(debug).extracting((line) -> line.path("correlation_id").asString())
			.containsExactlyInAnyOrder("alice-1", "alice-async");
		assertThat(debug).extracting((line) -> line.path("message").asString())
			.containsExactlyInAnyOrder("Order 1 read from the cache", "Asynchronous step in detail");
		List<String> audited = JsonLines.read(this.logs.resolve("audit.json"))
			.all()
			.stream()
			.map((line) -> line.path("audit_event").asString())
			.filter((event) -> event.startsWith("DEBUG_SESSION"))
			.toList();
		assertThat(audited).containsExactly("DEBUG_SESSION_STARTED", "DEBUG_SESSION_EXPIRED");
	}

	@Test
	void aSessionByHeaderEndsWhenDeletedAndBadRequestsGetAProblem() throws Exception {
		try (WebTestApplication application = WebTestApplication.start("structured-logging.file.directory=" + this.logs)) {
			HttpCalls http = new HttpCalls(application.port());
			String ops = HttpCalls.basic("ops", "ops-pass");
			JsonNode session = LogApi.parse(http
				.post(SESSIONS, "application/json", "{\"header\":\"X-Debug: on\"}", "Authorization", ops)
				.body());
			http.get("/orders/5", "X-Debug", "on", "X-Correlation-ID", "header-5");
			http.get("/orders/6", "X-Debug", "off", "X-Correlation-ID", "header-6");
			String id = session.path("id").asString();
			assertThat(http.delete(SESSIONS + "/" + id, "Authorization", ops).statusCode()).isEqualTo(204);
			assertThat(http.delete(SESSIONS + "/" + id, "Authorization", ops).statusCode()).isEqualTo(404);
			http.get("/orders/7", "X-Debug", "on", "X-Correlation-ID", "header-7");
			HttpResponse<String> nothing = http.post(SESSIONS, "application/json", "{\"duration\":\"5m\"}",
					"Authorization", ops);
			assertThat(nothing.statusCode()).isEqualTo(400);
			assertThat(LogApi.parse(nothing.body()).path("parameter").asString()).isEqualTo("user");
			HttpResponse<String> tooLong = http.post(SESSIONS, "application/json",
					"{\"user\":\"alice\",\"duration\":\"2h\"}", "Authorization", ops);
			assertThat(tooLong.statusCode()).isEqualTo(400);
			assertThat(LogApi.parse(tooLong.body()).path("parameter").asString()).isEqualTo("duration");
			assertThat(http.post(SESSIONS, "application/json", "{\"user\":\"alice\"}", "Authorization",
					HttpCalls.basic("alice", "alice-pass")).statusCode()).isEqualTo(403);
		}
		List<JsonNode> debug = JsonLines.read(this.logs.resolve("application.json"))
			.all()
			.stream()
			.filter((line) -> "DEBUG".equals(line.path("level").asString()))
			.toList();
		// Every logger at DEBUG, for that request only: Spring's own lines too.
		assertThat(debug).extracting((line) -> line.path("correlation_id").asString()).containsOnly("header-5");
		assertThat(debug).extracting((line) -> line.path("message").asString()).contains("Order 5 read from the cache");
	}

}
