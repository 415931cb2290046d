package io.github.structuredlogging.management;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import ch.qos.logback.classic.LoggerContext;
import io.github.structuredlogging.testing.HttpCalls;
import io.github.structuredlogging.testing.JsonLines;
import io.github.structuredlogging.testing.LogApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.DefaultResourceLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Without Spring Security the log API is off unless enabled with a key, which callers send
 * in the {@code X-API-Key} header.
 */
class LogApiKeyTests {

	private static final String KEY = "0123456789abcdef-log-api-key";

	private ConfigurableApplicationContext context;

	@AfterEach
	void stop() {
		if (this.context != null) {
			this.context.close();
		}
		((LoggerContext) LoggerFactory.getILoggerFactory()).stop();
	}

	@Test
	void theApiIsOffByDefault() {
		HttpCalls http = start();
		assertThat(http.get(LogApi.BASE + "/health", "X-API-Key", KEY).statusCode()).isEqualTo(404);
	}

	@Test
	void withTheKeyOnlyCallersSendingItAreServed() {
		HttpCalls http = start("structured-logging.api.enabled=true", "structured-logging.api.key=" + KEY);
		HttpResponse<String> without = http.get(LogApi.BASE + "/health");
		assertThat(without.statusCode()).isEqualTo(401);
		assertThat(without.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
				(value) -> assertThat(value).contains("X-API-Key"));
		assertThat(http.get(LogApi.BASE + "/health", "X-API-Key", KEY + "x").statusCode()).isEqualTo(401);
		assertThat(http.get(LogApi.BASE + "/health", "X-API-Key", "").statusCode()).isEqualTo(401);
		assertThat(http.get(LogApi.BASE + "/health", "X-API-Key", KEY).statusCode()).isEqualTo(200);
		assertThat(http.get(LogApi.BASE + "/recent?limit=1", "X-API-Key", KEY).statusCode()).isEqualTo(200);
	}

	@Test
	void theConsolePageWhichHoldsNoDataLoadsWithoutTheKeyAndTheDataDoesNot() {
		HttpCalls http = start("structured-logging.api.enabled=true", "structured-logging.api.key=" + KEY);
		HttpResponse<String> page = http.get(LogApi.BASE + "/console");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("login-form").doesNotContain(KEY);
		assertThat(http.get(LogApi.BASE + "/console/console.js").statusCode()).isEqualTo(200);
		assertThat(http.get(LogApi.BASE + "/recent").statusCode()).isEqualTo(401);
		assertThat(http.get(LogApi.BASE + "/stats").statusCode()).isEqualTo(401);
	}

	@Test
	void wrongKeysAreRecordedAndTenFromOneAddressHoldItOffWithRetryAfter() throws Exception {
		Path logs = Files.createTempDirectory("key-failures");
		HttpCalls http = start("structured-logging.api.enabled=true", "structured-logging.api.key=" + KEY,
				"structured-logging.file.directory=" + logs);
		for (int i = 0; i < 10; i++) {
			assertThat(http.get(LogApi.BASE + "/health", "X-API-Key", "guess-" + i).statusCode()).isEqualTo(401);
		}
		HttpResponse<String> held = http.get(LogApi.BASE + "/health", "X-API-Key", KEY);
		assertThat(held.statusCode()).isEqualTo(429);
		assertThat(held.headers().firstValue("Retry-After")).hasValueSatisfying(
				(seconds) -> assertThat(Integer.parseInt(seconds)).isBetween(1, 60));
		assertThat(LogApi.parse(held.body()).path("status").asInt()).isEqualTo(429);
		this.context.close();
		List<JsonNode> records = JsonLines.read(logs.resolve("audit.json")).all();
		assertThat(records).filteredOn((record) -> "API_KEY_REJECTED".equals(record.path("audit_event").asString()))
			.hasSize(10)
			.allSatisfy((record) -> assertThat(record.path("client_ip").asString()).isEqualTo("127.0.0.1"));
		assertThat(records).filteredOn((record) -> "SECURITY_ALERT".equals(record.path("audit_event").asString()))
			.singleElement()
			.satisfies((alert) -> assertThat(alert.path("audit_details").path("failed_attempts").asInt()).isEqualTo(10));
		assertThat(Files.readString(logs.resolve("audit.json"))).doesNotContain("guess-");
	}

	@Test
	void theKeyOpensTheTestAuditAndStreamOperationsAndNothingElseDoes() throws Exception {
		Path logs = Files.createTempDirectory("key-operations");
		HttpCalls http = start("structured-logging.api.enabled=true", "structured-logging.api.key=" + KEY,
				"structured-logging.file.directory=" + logs);
		assertThat(http.post(LogApi.BASE + "/test", "application/json", "").statusCode()).isEqualTo(401);
		HttpResponse<String> test = http.post(LogApi.BASE + "/test", "application/json", "", "X-API-Key", KEY);
		assertThat(test.statusCode()).isEqualTo(200);
		assertThat(http.get(LogApi.BASE + "/audit").statusCode()).isEqualTo(401);
		HttpResponse<String> audit = http.get(LogApi.BASE + "/audit?event=LOG_API_TEST", "X-API-Key", KEY);
		assertThat(audit.statusCode()).isEqualTo(200);
		assertThat(LogApi.parse(audit.body()).path("records").get(0).path("audit_principal").asString())
			.isEqualTo("api-key");
		assertThat(http.get(LogApi.BASE + "/audit/verify", "X-API-Key", KEY).statusCode()).isEqualTo(200);
		assertThat(stream(http, null).statusCode()).isEqualTo(401);
		HttpResponse<java.io.InputStream> stream = stream(http, KEY);
		try (java.io.InputStream events = stream.body()) {
			assertThat(stream.statusCode()).isEqualTo(200);
			assertThat(stream.headers().firstValue("Content-Type")).hasValueSatisfying(
					(type) -> assertThat(type).startsWith("text/event-stream"));
		}
	}

	private static HttpResponse<java.io.InputStream> stream(HttpCalls http, String key) throws Exception {
		java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(http.uri(LogApi.BASE + "/stream"))
			.header("Accept", "text/event-stream")
			.timeout(java.time.Duration.ofSeconds(30));
		if (key != null) {
			request.header("X-API-Key", key);
		}
		return java.net.http.HttpClient.newHttpClient()
			.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
	}

	@Test
	void theActuatorEndpointAsksForTheSameKey() {
		HttpCalls http = start("structured-logging.api.enabled=true", "structured-logging.api.key=" + KEY,
				"management.endpoints.web.exposure.include=logs");
		HttpResponse<String> without = http.get("/actuator/logs/recent");
		assertThat(without.statusCode()).isEqualTo(401);
		assertThat(without.headers().firstValue("Content-Type")).hasValueSatisfying(
				(value) -> assertThat(value).contains("application/problem+json"));
		assertThat(without.headers().firstValue("WWW-Authenticate")).isPresent();
		assertThat(http.get("/actuator/logs", "X-API-Key", KEY + "x").statusCode()).isEqualTo(401);
		assertThat(http.get("/actuator/logs/recent", "X-API-Key", KEY).statusCode()).isEqualTo(200);
	}

	@Test
	void withoutSecurityOrAKeyTheActuatorEndpointServesNobody() {
		HttpCalls http = start("management.endpoints.web.exposure.include=logs");
		assertThat(http.get("/actuator/logs/recent").statusCode()).isEqualTo(401);
	}

	@Test
	void enabledWithoutAKeyFailsStartUpNamingTheProperty() {
		assertThatException().isThrownBy(() -> start("structured-logging.api.enabled=true"))
			.havingRootCause()
			.withMessageContaining("structured-logging.api.key");
	}

	@Test
	void aShortKeyFailsStartUpNamingTheProperty() {
		assertThatException()
			.isThrownBy(() -> start("structured-logging.api.enabled=true", "structured-logging.api.key=short"))
			.withStackTraceContaining("structured-logging.api.key");
	}

	private HttpCalls start(String... properties) {
		List<String> all = new ArrayList<>(List.of("server.port=0", "server.address=127.0.0.1",
				"spring.main.register-shutdown-hook=false", "spring.autoconfigure.exclude="
						+ "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration"));
		all.addAll(List.of(properties));
		this.context = new SpringApplicationBuilder(NoSecurity.class).web(WebApplicationType.SERVLET)
			.resourceLoader(new DefaultResourceLoader(new FilteredClassLoader("org.springframework.security")))
			.properties(all.toArray(String[]::new))
			.run();
		return new HttpCalls(((WebServerApplicationContext) this.context).getWebServer().getPort());
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class NoSecurity {

	}

}
