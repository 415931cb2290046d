package io.github.structuredlogging.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import io.github.structuredlogging.json.LogField;
import io.github.structuredlogging.testing.HttpCalls;
import io.github.structuredlogging.testing.JsonLines;
import io.github.structuredlogging.testing.LogApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

/**
 * Writes every kind of event in the {@code ecs} layout (application, exception,
 * performance lines with bodies, database and memory fields, audit records, an alert, a
 * level change, test events) and checks each field against the Elastic Common Schema
 * 9.4.0 field list: an ECS field of the right JSON type, or under the custom namespace.
 */
class EcsLayoutConformanceTests {

	private static final Logger log = LoggerFactory.getLogger("com.example.ecs.Probe");

	@TempDir
	Path logs;

	@Test
	void everyFieldIsAnEcsFieldOfItsTypeOrUnderTheCustomNamespace() throws Exception {
		try (WebTestApplication application = WebTestApplication.start("structured-logging.json.layout=ecs",
				"structured-logging.file.directory=" + this.logs, "structured-logging.http.body.enabled=true",
				"structured-logging.http.include-memory-metrics=true", "server.tomcat.threads.max=1")) {
			HttpCalls http = new HttpCalls(application.port());
			LogApi api = new LogApi(application.port(), "ops", "ops-pass");
			log.info("Application event");
			log.error("Application failure", new IllegalStateException("Stock service down"));
			http.get("/db", "User-Agent", "ecs-test/1.0");
			http.post("/echo", "application/json", "{\"item\":\"book\"}");
			http.get("/missing");
			http.get("/fail");
			http.get("/orders/1", "X-Correlation-ID", "x".repeat(200));
			for (int i = 0; i < 5; i++) {
				http.get("/secure/profile", "Authorization", HttpCalls.basic("alice", "wrong-" + i));
			}
			http.get("/admin/panel", "Authorization", HttpCalls.basic("alice", "alice-pass"));
			http.post("/actuator/loggers/com.example.ecs", "application/json", "{\"configuredLevel\":\"DEBUG\"}");
			assertThat(api.post("/test").statusCode()).isEqualTo(200);
			http.get("/orders/2", "X-Correlation-ID", "ecs-done");
			awaitLine(this.logs.resolve("performance.json"), "ecs-done");
			JsonNode verification = api.json("/audit/verify");
			assertThat(verification.path("valid").asBoolean()).as("audit chain in the ecs layout: %s", verification)
				.isTrue();
			assertThat(api.recent("correlation_id=ecs-done")).isNotEmpty();
		}
		Map<String, String> ecs = ecsFields();
		List<JsonNode> lines = new ArrayList<>();
		for (String file : List.of("application.json", "performance.json", "audit.json")) {
			lines.addAll(JsonLines.read(this.logs.resolve(file)).all());
		}
		Set<String> written = new TreeSet<>();
		assertSoftly((softly) -> {
			for (JsonNode line : lines) {
				for (Map.Entry<String, JsonNode> field : line.properties()) {
					String name = field.getKey();
					written.add(name);
					if (name.startsWith(LogField.CUSTOM_NAMESPACE + ".")) {
						continue;
					}
					String type = ecs.get(name);
					softly.assertThat(type).as("'%s' is an ECS field", name).isNotNull();
					if (type != null) {
						softly.assertThat(fits(type, field.getValue()))
							.as("'%s' (%s) written as %s", name, type, field.getValue().getNodeType())
							.isTrue();
					}
				}
			}
		});
		assertThat(written).contains("http.request.method", "url.path", "url.query", "http.response.status_code",
				"event.duration", "client.ip", "user_agent.original", "user.name", "http.request.body.bytes",
				"http.response.body.bytes", "http.request.body.content", "http.response.body.content",
				"event.action", "event.outcome", "event.kind", "event.category", "event.reason", "event.created",
				"event.sequence", "event.hash", "error.type", "error.stack_trace", "trace.id",
				"structured.correlation_id", "structured.performance_tier", "structured.db_query_count",
				"structured.memory_used_mb", "structured.correlation_id_rejected", "structured.audit_details",
				"structured.test_event");
	}

	@Test
	void clientAndServerErrorsNameTheExceptionInTheSameField() throws Exception {
		try (WebTestApplication application = WebTestApplication.start("structured-logging.json.layout=ecs",
				"structured-logging.file.directory=" + this.logs, "server.tomcat.threads.max=1")) {
			HttpCalls http = new HttpCalls(application.port());
			http.get("/missing", "X-Correlation-ID", "client-error");
			http.get("/fail", "X-Correlation-ID", "server-error");
			JsonNode clientError = awaitLine(this.logs.resolve("performance.json"), "client-error");
			JsonNode serverError = awaitLine(this.logs.resolve("performance.json"), "server-error");
			assertThat(clientError.path("error.type").asString())
				.isEqualTo("org.springframework.web.server.ResponseStatusException");
			assertThat(serverError.path("error.type").asString()).isEqualTo("java.lang.IllegalStateException");
			assertThat(clientError.has("error_type")).isFalse();
			assertThat(clientError.path("event.duration").isIntegralNumber()).isTrue();
			assertThat(clientError.path("http.response.status_code").asInt()).isEqualTo(404);
		}
	}

	private static boolean fits(String type, JsonNode value) {
		if (value.isArray()) {
			for (JsonNode item : value) {
				if (!fits(type, item)) {
					return false;
				}
			}
			return true;
		}
		return switch (type) {
			case "long", "integer", "short", "byte" -> value.isIntegralNumber();
			case "float", "double", "scaled_float", "half_float" -> value.isNumber();
			case "boolean" -> value.isBoolean();
			case "object", "flattened", "nested" -> value.isObject();
			default -> value.isString();
		};
	}

	private static Map<String, String> ecsFields() {
		Map<String, String> fields = new HashMap<>();
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(
				Objects.requireNonNull(EcsLayoutConformanceTests.class.getResourceAsStream("/ecs/fields-9.4.0.csv")),
				StandardCharsets.UTF_8))) {
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				String[] columns = line.split(",");
				if (!line.startsWith("#") && columns.length == 2 && !"field".equals(columns[0])) {
					fields.put(columns[0], columns[1]);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return fields;
	}

	private static JsonNode awaitLine(Path file, String correlationId) throws InterruptedException {
		for (int i = 0; i < 400; i++) {
			if (Files.exists(file)) {
				for (JsonNode line : JsonLines.read(file).all()) {
					if (correlationId.equals(line.path("structured.correlation_id").asString(null))) {
						return line;
					}
				}
			}
			Thread.sleep(25);
		}
		throw new AssertionError("No line with correlation ID " + correlationId + " in " + file);
	}

}
