package io.github.structuredlogging.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.github.structuredlogging.audit.AuditFiles;
import io.github.structuredlogging.audit.AuditVerifier;
import io.github.structuredlogging.testing.ConsoleOutput;
import io.github.structuredlogging.testing.HttpCalls;
import io.github.structuredlogging.testing.JsonLines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

import static io.github.structuredlogging.testing.AuditRecordLines.only;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring Security's events in the audit stream of a real server.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecurityAuditTests {

	@TempDir
	Path logs;

	@Test
	void failedLoginSuccessfulLoginAndDeniedAccessEachBecomeOneRecord(CapturedOutput output) throws Exception {
		// Audit records are written while the request is handled, before the response.
		try (WebTestApplication application = start()) {
			HttpCalls http = new HttpCalls(application.port());
			assertThat(http.get("/secure/profile", "Authorization", HttpCalls.basic("alice", "wrong-pass-123"),
					"X-Correlation-ID", "audit-failed").statusCode()).isEqualTo(401);
			assertThat(http.get("/secure/profile", "Authorization", HttpCalls.basic("alice", "alice-pass"),
					"X-Correlation-ID", "audit-success").statusCode()).isEqualTo(200);
			assertThat(http.get("/admin/panel", "Authorization", HttpCalls.basic("alice", "alice-pass"),
					"X-Correlation-ID", "audit-denied").statusCode()).isEqualTo(403);
		}
		List<JsonNode> records = JsonLines.read(this.logs.resolve("audit.json")).all();
		JsonNode failed = only(records, "audit-failed", "AUTHENTICATION_FAILURE");
		assertThat(failed.path("audit_outcome").asString()).isEqualTo("failure");
		assertThat(failed.path("audit_principal").asString()).isEqualTo("alice");
		assertThat(failed.path("audit_reason").asString()).isEqualTo("Bad credentials");
		assertThat(failed.path("client_ip").asString()).isEqualTo("127.0.0.1");
		JsonNode success = only(records, "audit-success", "AUTHENTICATION_SUCCESS");
		assertThat(success.path("audit_principal").asString()).isEqualTo("alice");
		JsonNode denied = only(records, "audit-denied", "AUTHORIZATION_DENIED");
		assertThat(denied.path("audit_outcome").asString()).isEqualTo("denied");
		assertThat(denied.path("audit_resource_id").asString()).isEqualTo("GET /admin/panel");
		assertThat(Files.readString(this.logs.resolve("application.json"))).doesNotContain("wrong-pass-123");
		assertThat(ConsoleOutput.written(output)).doesNotContain("wrong-pass-123");
		assertThat(new AuditVerifier(null).verify(AuditFiles.inOrder(this.logs)).breaks()).isEmpty();
	}

	@Test
	void aSessionThatTheConcurrentSessionLimitExpiredIsRecordedWhenItComesBack() {
		try (WebTestApplication application = start(SessionLimitConfig.class)) {
			HttpCalls first = HttpCalls.withCookies(application.port());
			HttpCalls second = HttpCalls.withCookies(application.port());
			assertThat(logIn(first).statusCode()).isEqualTo(302);
			assertThat(first.get("/secure/profile").statusCode()).isEqualTo(200);
			assertThat(logIn(second).statusCode()).isEqualTo(302);
			assertThat(first.get("/secure/profile", "X-Correlation-ID", "expired-session").body())
				.contains("expired");
			assertThat(second.get("/secure/profile").statusCode()).isEqualTo(200);
		}
		List<JsonNode> records = JsonLines.read(this.logs.resolve("audit.json")).all();
		JsonNode expired = only(records, "expired-session", "SESSION_EXPIRED");
		assertThat(expired.path("audit_principal").asString()).isEqualTo("alice");
		assertThat(expired.path("audit_outcome").asString()).isEqualTo("denied");
		assertThat(records).filteredOn((record) -> "SESSION_EXPIRED".equals(record.path("audit_event").asString()))
			.hasSize(1);
	}

	private static java.net.http.HttpResponse<String> logIn(HttpCalls client) {
		return client.post("/login", "application/x-www-form-urlencoded", "username=alice&password=alice-pass");
	}

	@Test
	void correlationIdsThatMaskingRewritesLeaveTheChainValid() throws Exception {
		List<String> chosen = List.of("4111111111111111", "123-45-6789", "token:abc123def",
				"eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJtYWxsb3J5In0.c2lnbmF0dXJlLW9mLXRoZS10b2tlbg");
		try (WebTestApplication application = start()) {
			HttpCalls http = new HttpCalls(application.port());
			for (String id : chosen) {
				assertThat(http.get("/secure/profile", "Authorization", HttpCalls.basic("alice", "wrong-pass"),
						"X-Correlation-ID", id).statusCode()).isEqualTo(401);
			}
		}
		List<JsonNode> failures = JsonLines.read(this.logs.resolve("audit.json"))
			.all()
			.stream()
			.filter((record) -> "AUTHENTICATION_FAILURE".equals(record.path("audit_event").asString()))
			.toList();
		assertThat(failures).hasSize(chosen.size());
		assertThat(Files.readString(this.logs.resolve("audit.json"))).doesNotContain("4111111111111111");
		assertThat(new AuditVerifier(null).verify(AuditFiles.inOrder(this.logs)).breaks()).isEmpty();
	}

	@Test
	void auditRecordsAreWrittenAfterTheAuditLoggerIsSwitchedOffAndPrincipalsAreCapped() {
		String alice = HttpCalls.basic("alice", "alice-pass");
		String huge = "u".repeat(5000);
		try (WebTestApplication application = start()) {
			HttpCalls http = new HttpCalls(application.port());
			assertThat(http.post("/actuator/loggers/" + io.github.structuredlogging.audit.AuditTrail.LOGGER_NAME,
					"application/json", "{\"configuredLevel\":\"OFF\"}", "Authorization", alice,
					"X-Correlation-ID", "audit-off")
				.statusCode()).isEqualTo(204);
			assertThat(http.get("/secure/profile", "Authorization", HttpCalls.basic(huge, "wrong-pass"),
					"X-Correlation-ID", "after-off").statusCode()).isEqualTo(401);
		}
		List<JsonNode> records = JsonLines.read(this.logs.resolve("audit.json")).all();
		only(records, "audit-off", "LOG_LEVEL_CHANGED");
		JsonNode failure = only(records, "after-off", "AUTHENTICATION_FAILURE");
		assertThat(failure.path("audit_principal").asString()).hasSizeLessThanOrEqualTo(128).startsWith("uuu");
	}

	@Test
	void repeatedFailuresFromOneClientRaiseExactlyOneAlert() {
		try (WebTestApplication application = start()) {
			HttpCalls http = new HttpCalls(application.port());
			for (int i = 0; i < 20; i++) {
				http.get("/secure/profile", "Authorization", HttpCalls.basic("alice", "guess-" + i), "X-Correlation-ID",
						"brute-" + i);
			}
		}
		List<JsonNode> records = JsonLines.read(this.logs.resolve("audit.json")).all();
		assertThat(records).filteredOn((record) -> "AUTHENTICATION_FAILURE".equals(record.path("audit_event").asString()))
			.hasSize(20);
		List<JsonNode> alerts = records.stream()
			.filter((record) -> "SECURITY_ALERT".equals(record.path("audit_event").asString()))
			.toList();
		assertThat(alerts).hasSize(1);
		JsonNode alert = alerts.get(0);
		assertThat(alert.path("audit_resource_type").asString()).isEqualTo("client_ip");
		assertThat(alert.path("audit_resource_id").asString()).isEqualTo("127.0.0.1");
		assertThat(alert.path("audit_details").path("failed_attempts_from_client").asInt()).isEqualTo(5);
		assertThat(alert.path("audit_details").path("risk_score").asInt()).isBetween(1, 100);
		assertThat(alert.path("correlation_id").asString()).isEqualTo("brute-4");
	}

	@Test
	void logoutBecomesOneRecord() {
		try (WebTestApplication application = start()) {
			HttpCalls browser = HttpCalls.withCookies(application.port());
			assertThat(browser.get("/secure/profile", "Authorization", HttpCalls.basic("alice", "alice-pass"))
				.statusCode()).isEqualTo(200);
			browser.post("/logout", "application/x-www-form-urlencoded", "", "X-Correlation-ID", "audit-logout");
		}
		JsonNode logout = only(JsonLines.read(this.logs.resolve("audit.json")).all(), "audit-logout", "LOGOUT");
		assertThat(logout.path("audit_principal").asString()).isEqualTo("alice");
		assertThat(logout.path("audit_outcome").asString()).isEqualTo("success");
	}

	@Test
	void auditedMethodRecordsSuccessAndFailureWithItsResource() {
		String alice = HttpCalls.basic("alice", "alice-pass");
		try (WebTestApplication application = start()) {
			HttpCalls http = new HttpCalls(application.port());
			assertThat(http.get("/secure/orders/42/delete", "Authorization", alice, "X-Correlation-ID", "audited-ok")
				.body()).isEqualTo("deleted 42");
			assertThat(http.get("/secure/orders/43/cancel", "Authorization", alice, "X-Correlation-ID", "audited-fail")
				.statusCode()).isEqualTo(500);
		}
		List<JsonNode> records = JsonLines.read(this.logs.resolve("audit.json")).all();
		JsonNode deleted = only(records, "audited-ok", "DATA_CHANGE");
		assertThat(deleted.path("audit_action").asString()).isEqualTo("delete");
		assertThat(deleted.path("audit_outcome").asString()).isEqualTo("success");
		assertThat(deleted.path("audit_principal").asString()).isEqualTo("alice");
		assertThat(deleted.path("audit_resource_type").asString()).isEqualTo("order");
		assertThat(deleted.path("audit_resource_id").asString()).isEqualTo("42");
		JsonNode cancelled = only(records, "audited-fail", "DATA_CHANGE");
		assertThat(cancelled.path("audit_outcome").asString()).isEqualTo("failure");
		assertThat(cancelled.path("audit_resource_id").asString()).isEqualTo("43");
		assertThat(cancelled.path("audit_reason").asString()).isEqualTo("java.lang.IllegalStateException");
	}

	@Test
	void logLevelChangeThroughActuatorIsRecordedAndBootAuditEventsKeepWorking() {
		String alice = HttpCalls.basic("alice", "alice-pass");
		String auditEvents;
		try (WebTestApplication application = start()) {
			HttpCalls http = new HttpCalls(application.port());
			assertThat(http.post("/actuator/loggers/com.example.orders", "application/json",
					"{\"configuredLevel\":\"DEBUG\"}", "Authorization", alice, "X-Correlation-ID", "level-change")
				.statusCode()).isEqualTo(204);
			application.publishEvent(new org.springframework.boot.actuate.audit.listener.AuditApplicationEvent("ops",
						"DEPLOYMENT_APPROVED", java.util.Map.of("release", "2.4.0")));
			auditEvents = http.get("/actuator/auditevents").body();
		}
		List<JsonNode> records = JsonLines.read(this.logs.resolve("audit.json")).all();
		JsonNode change = only(records, "level-change", "LOG_LEVEL_CHANGED");
		assertThat(change.path("audit_principal").asString()).isEqualTo("alice");
		assertThat(change.path("audit_resource_id").asString()).isEqualTo("com.example.orders");
		assertThat(change.path("audit_details").path("new_level").asString()).isEqualTo("DEBUG");
		assertThat(change.path("audit_details").has("old_level")).isTrue();
		assertThat(records).filteredOn((record) -> "DEPLOYMENT_APPROVED".equals(record.path("audit_event").asString()))
			.singleElement()
			.satisfies((record) -> assertThat(record.path("audit_principal").asString()).isEqualTo("ops"));
		assertThat(auditEvents).contains("LOG_LEVEL_CHANGED").contains("DEPLOYMENT_APPROVED");
		assertThat(records).filteredOn((record) -> "AUTHENTICATION_SUCCESS".equals(record.path("audit_event").asString()))
			.hasSize(1);
	}

	private WebTestApplication start() {
		return start(WebTestApplication.Config.class);
	}

	private WebTestApplication start(Class<?> configuration) {
		return WebTestApplication.start(configuration, "server.tomcat.threads.max=1",
				"structured-logging.file.directory=" + this.logs);
	}

	/**
	 * The test application with form login and one session per user.
	 */
	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class SessionLimitConfig extends WebTestApplication.Config {

		@Bean
		@Override
		SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
			http.authorizeHttpRequests((requests) -> requests.requestMatchers("/secure/**").authenticated()
				.anyRequest()
				.permitAll());
			http.formLogin(Customizer.withDefaults());
			http.sessionManagement((sessions) -> sessions.maximumSessions(1));
			http.csrf((csrf) -> csrf.disable());
			return http.build();
		}

	}

}
