package io.github.structuredlogging.shipping;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import io.github.structuredlogging.testing.HttpCalls;
import io.github.structuredlogging.testing.SyslogReceiver;
import io.github.structuredlogging.web.WebTestApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Shipping JSON lines over TCP to a real rsyslog daemon.
 */
class TcpShippingTests {

	private static final Logger logger = LoggerFactory.getLogger(TcpShippingTests.class);

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	@TempDir
	Path logs;

	@TempDir
	Path receiverDirectory;

	@Test
	void everyEventArrivesAsOneJsonLineWithItsStackTraceAndNothingIsLostWhenTheReceiverRestarts() {
		try (SyslogReceiver receiver = SyslogReceiver.start(this.receiverDirectory);
				WebTestApplication application = WebTestApplication.start("spring.application.name=payments-service",
						"structured-logging.file.directory=" + this.logs,
						"structured-logging.shipping.tcp.destinations=127.0.0.1:" + receiver.port(),
						"structured-logging.shipping.tcp.batch-timeout=200ms",
						"structured-logging.shipping.tcp.max-backoff=1s")) {
			HttpCalls http = new HttpCalls(application.port());
			assertThat(http.get("/fail", "X-Correlation-ID", "tcp-error").statusCode()).isEqualTo(500);
			await().atMost(20, TimeUnit.SECONDS)
				.until(() -> received(receiver, "tcp-error").stream().anyMatch((line) -> line.has("stack_trace")));
			JsonNode error = received(receiver, "tcp-error").stream()
				.filter((line) -> line.has("stack_trace"))
				.findFirst()
				.orElseThrow();
			assertThat(error.path("stack_trace").asString()).startsWith("java.lang.IllegalStateException")
				.contains("\n\tat ");
			for (int i = 0; i < 50; i++) {
				logger.atInfo().addKeyValue("tcp_seq", i).log("Before the restart");
			}
			await().atMost(20, TimeUnit.SECONDS).until(() -> sequence(receiver).size() == 50);
			receiver.stop();
			for (int i = 50; i < 100; i++) {
				logger.atInfo().addKeyValue("tcp_seq", i).log("While the receiver is down");
			}
			Shipping shipping = application.bean(Shipping.class);
			await().atMost(20, TimeUnit.SECONDS).until(() -> shipping.reports().get(0).failed() > 0);
			assertThat(shipping.reports().get(0).state()).isEqualTo("failing");
			receiver.restart();
			for (int i = 100; i < 150; i++) {
				logger.atInfo().addKeyValue("tcp_seq", i).log("After the restart");
			}
			await().atMost(30, TimeUnit.SECONDS).until(() -> sequence(receiver).containsAll(
					IntStream.range(0, 150).boxed().toList()));
			await().atMost(10, TimeUnit.SECONDS).until(() -> shipping.reports().get(0).state().equals("shipping"));
			assertThat(shipping.reports().get(0).retried()).isPositive();
		}
	}

	private static List<JsonNode> received(SyslogReceiver receiver, String correlationId) {
		return receiver.messages()
			.stream()
			.map(TcpShippingTests::parse)
			.filter((line) -> correlationId.equals(line.path("correlation_id").asString()))
			.toList();
	}

	private static List<Integer> sequence(SyslogReceiver receiver) {
		return receiver.messages()
			.stream()
			.map(TcpShippingTests::parse)
			.filter((line) -> line.has("tcp_seq"))
			.map((line) -> line.path("tcp_seq").asInt())
			.distinct()
			.toList();
	}

	// The receiver's file may end in a line being written.
	private static JsonNode parse(String line) {
		try {
			return MAPPER.readTree(line);
		}
		catch (JacksonException ex) {
			return MissingNode.getInstance();
		}
	}

}
