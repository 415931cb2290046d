package io.github.structuredlogging.management;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import io.github.structuredlogging.testing.HttpCalls;
import io.github.structuredlogging.testing.LogApi;
import io.github.structuredlogging.web.WebTestApplication;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /stream}: Server-Sent Events of a real server, with the filters of
 * {@code /recent} and a bounded number of subscribers.
 */
class LogApiStreamTests {

	private static final Logger logger = LoggerFactory.getLogger("com.example.tail.Probe");

	@Test
	void aSubscriberReceivesMatchingEventsWrittenAfterSubscribing() throws Exception {
		try (WebTestApplication application = WebTestApplication.start("structured-logging.api.stream.max-subscribers=1")) {
			HttpResponse<InputStream> response = subscribe(application, "?level=WARN&logger=com.example.tail");
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
					(type) -> assertThat(type).startsWith("text/event-stream"));
			try (BufferedReader events = new BufferedReader(
					new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
				assertThat(events.readLine()).isEqualTo(":subscribed");
				logger.info("Not at WARN, filtered out");
				logger.atWarn().addKeyValue("order_id", 7).log("Stock low after subscribing");
				JsonNode event = LogApi.nextLogEvent(events);
				assertThat(event.path("message").asString()).isEqualTo("Stock low after subscribing");
				assertThat(event.path("order_id").asInt()).isEqualTo(7);
				HttpResponse<String> second = new HttpCalls(application.port()).get(LogApi.BASE + "/stream",
						"Authorization", HttpCalls.basic("ops", "ops-pass"));
				assertThat(second.statusCode()).isEqualTo(429);
				assertThat(second.body()).contains("max-subscribers");
			}
		}
	}

	@Test
	void aSubscriberThatFallsBehindIsDisconnectedWithoutSlowingLogging() throws Exception {
		try (WebTestApplication application = WebTestApplication
			.start("structured-logging.api.stream.queue-capacity=10", "structured-logging.console.enabled=false")) {
			HttpResponse<InputStream> response = subscribe(application, "?logger=com.example.tail");
			try (BufferedReader events = new BufferedReader(
					new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
				assertThat(events.readLine()).isEqualTo(":subscribed");
				// The client does not read while 50,000 events are written.
				for (int i = 0; i < 50_000; i++) {
					logger.info("Burst event {}", i);
				}
				String line;
				String lastEvent = null;
				while ((line = events.readLine()) != null) {
					if (line.startsWith("event:")) {
						lastEvent = line;
					}
				}
				assertThat(lastEvent).isEqualTo("event:dropped");
			}
			// Logging went on: a later event reaches the store.
			logger.warn("After the burst");
			LogApi api = new LogApi(application.port(), "ops", "ops-pass");
			for (int i = 0; i < 100 && api.recent("q=" + LogApi.encode("After the burst")).isEmpty(); i++) {
				Thread.sleep(20);
			}
			assertThat(api.recent("q=" + LogApi.encode("After the burst"))).hasSize(1);
		}
	}

	private static HttpResponse<InputStream> subscribe(WebTestApplication application, String query)
			throws Exception {
		return new LogApi(application.port(), "ops", "ops-pass").stream(query);
	}

}
