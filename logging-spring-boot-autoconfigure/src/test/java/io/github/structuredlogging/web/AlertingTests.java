package io.github.structuredlogging.web;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import io.github.structuredlogging.testing.HttpCalls;
import io.github.structuredlogging.testing.JsonLines;
import io.github.structuredlogging.testing.LogApi;
import io.github.structuredlogging.testing.WebhookReceiver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Alerts raised by a running application, sent to a real webhook server.
 */
class AlertingTests {

	private static final Logger log = LoggerFactory.getLogger("com.example.payments.PaymentService");

	@TempDir
	Path logs;

	@Test
	void anErrorBurstSendsOneAlertWhileItLastsAndOneResolvedMessage() throws Exception {
		try (WebhookReceiver hooks = new WebhookReceiver();
				WebTestApplication application = start(hooks, "structured-logging.alerts.error-rate.window=2s",
						"structured-logging.alerts.webhooks.critical=" + hooks.url("/critical"),
						"structured-logging.alerts.webhooks.warning=" + hooks.url("/warning"))) {
			for (int i = 0; i < 5; i++) {
				log.error("Payment gateway refused order {}", i);
			}
			await(() -> hooks.bodies("/critical").size() >= 1);
			JsonNode firing = hooks.bodies("/critical").get(0);
			assertThat(firing.path("rule").asString()).isEqualTo("error-rate");
			assertThat(firing.path("state").asString()).isEqualTo("firing");
			assertThat(firing.path("severity").asString()).isEqualTo("critical");
			assertThat(firing.path("value").asDouble()).isGreaterThan(2);
			assertThat(firing.path("service").path("name").asString()).isNotEmpty();
			LogApi api = new LogApi(application.port(), "ops", "ops-pass");
			assertThat(api.json("/alerts").path("active").findValuesAsString("rule")).contains("error-rate");
			await(() -> hooks.bodies("/critical").size() >= 2);
			// Checked every 100 ms while it fired: still one alert, then one resolved message.
			assertThat(hooks.bodies("/critical")).extracting((body) -> body.path("state").asString())
				.containsExactly("firing", "resolved");
			assertThat(hooks.bodies("/warning")).isEmpty();
			JsonNode alerts = api.json("/alerts");
			assertThat(alerts.path("active").findValuesAsString("rule")).doesNotContain("error-rate");
			assertThat(alerts.path("recent").findValuesAsString("state")).containsExactly("resolved", "firing");
		}
		List<JsonNode> logged = JsonLines.read(this.logs.resolve("application.json"))
			.all()
			.stream()
			.filter((line) -> "error-rate".equals(line.path("alert_rule").asString()))
			.toList();
		assertThat(logged).extracting((line) -> line.path("alert_state").asString())
			.containsExactly("firing", "resolved");
		assertThat(logged.get(0).path("level").asString()).isEqualTo("ERROR");
		assertThat(logged.get(0).path("log_stream").asString()).isEqualTo("application");
	}

	@Test
	void aBurstOfFailedLoginsRaisesTheSecurityAlertsRule() throws Exception {
		try (WebhookReceiver hooks = new WebhookReceiver();
				WebTestApplication application = start(hooks, "structured-logging.alerts.error-rate.enabled=false",
						"structured-logging.alerts.webhooks.critical=" + hooks.url("/critical"))) {
			HttpCalls http = new HttpCalls(application.port());
			for (int i = 0; i < 6; i++) {
				http.get("/secure/profile", "Authorization", HttpCalls.basic("alice", "guess-" + i));
			}
			await(() -> !hooks.bodies("/critical").isEmpty());
			JsonNode alert = hooks.bodies("/critical").get(0);
			assertThat(alert.path("rule").asString()).isEqualTo("security-alerts");
			assertThat(alert.path("summary").asString()).contains("brute_force_suspected");
		}
	}

	@Test
	void aWebhookThatHangsSlowsNoRequest() throws Exception {
		try (WebhookReceiver hooks = new WebhookReceiver();
				WebTestApplication application = start(hooks, "structured-logging.alerts.webhooks.timeout=30s",
						"structured-logging.alerts.webhooks.critical=" + hooks.url("/hang"))) {
			HttpCalls http = new HttpCalls(application.port());
			List<Long> before = latencies(http, 20);
			for (int i = 0; i < 5; i++) {
				log.error("Payment gateway refused order {}", i);
			}
			await(() -> hooks.held() == 1);
			List<Long> during = latencies(http, 20);
			// Every request came back while the webhook still held its alert.
			assertThat(hooks.held()).isOne();
			assertThat(during).hasSize(20);
			assertThat(during.stream().mapToLong(Long::longValue).max().orElseThrow())
				.as("slowest request during the hang, against %s before it", before)
				.isLessThan(Duration.ofSeconds(30).toNanos());
			assertThat(new LogApi(application.port(), "ops", "ops-pass").json("/alerts")
				.path("active")
				.findValuesAsString("rule")).contains("error-rate");
		}
	}

	@Test
	void aFailingWebhookIsRetriedAndItsUrlAndHeadersNeverReachTheLog() throws Exception {
		String secretPath = "/services/T0001/B0002/XyZsecretPathToken";
		try (WebhookReceiver hooks = new WebhookReceiver()) {
			hooks.failFirst(secretPath, 2);
			try (WebTestApplication application = start(hooks,
					"structured-logging.alerts.webhooks.critical=" + hooks.url(secretPath),
					"structured-logging.alerts.webhooks.format=slack",
					"structured-logging.alerts.webhooks.first-backoff=100ms",
					"structured-logging.alerts.webhooks.headers.Authorization=Bearer hook-secret-value")) {
				for (int i = 0; i < 5; i++) {
					log.error("Payment gateway refused order {}", i);
				}
				await(() -> hooks.bodies(secretPath).size() >= 1);
				assertThat(hooks.bodies(secretPath).get(0).path("text").asString()).startsWith("[CRITICAL] ")
					.contains("ERROR events per minute");
				assertThat(hooks.headers(secretPath)).hasSize(3)
					.allSatisfy((headers) -> assertThat(headers).containsEntry("authorization", "Bearer hook-secret-value"));
				HttpResponse<String> config = new LogApi(application.port(), "ops", "ops-pass").get("/config");
				assertThat(config.body()).doesNotContain("XyZsecretPathToken").doesNotContain("hook-secret-value");
			}
		}
		String written = Files.readString(this.logs.resolve("application.json"));
		assertThat(written).contains("\"alert_rule\":\"error-rate\"")
			.doesNotContain("XyZsecretPathToken")
			.doesNotContain("hook-secret-value");
	}

	private WebTestApplication start(WebhookReceiver hooks, String... properties) {
		List<String> all = new ArrayList<>(List.of("structured-logging.file.directory=" + this.logs,
				"structured-logging.alerts.check-interval=100ms", "structured-logging.alerts.error-rate.threshold=2",
				"structured-logging.alerts.error-rate.severity=critical",
				// The machine's own disk must not raise alerts of its own in these tests.
				"structured-logging.api.health.disk-warn-percent=100",
				"structured-logging.api.health.disk-critical-percent=100"));
		all.addAll(List.of(properties));
		return WebTestApplication.start(all.toArray(String[]::new));
	}

	private static List<Long> latencies(HttpCalls http, int requests) {
		List<Long> latencies = new ArrayList<>();
		for (int i = 0; i < requests; i++) {
			long start = System.nanoTime();
			assertThat(http.get("/orders/" + i).statusCode()).isEqualTo(200);
			latencies.add(System.nanoTime() - start);
		}
		return latencies;
	}

	private static void await(BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("Condition not met within 15 s");
			}
			Thread.sleep(50);
		}
	}

}
