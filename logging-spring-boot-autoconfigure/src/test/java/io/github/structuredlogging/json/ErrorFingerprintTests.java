package io.github.structuredlogging.json;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxy;
import io.github.structuredlogging.masking.MaskingEngine;
import io.github.structuredlogging.masking.MaskingSettings;
import net.logstash.logback.encoder.LoggingEventCompositeJsonEncoder;
import org.junit.jupiter.api.Test;
import org.slf4j.event.KeyValuePair;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What makes two errors the same: the type, the message without its variable parts, and
 * the first frame of the application's own code; written with each event that has an
 * exception, in both layouts.
 */
class ErrorFingerprintTests {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private final LoggerContext context = new LoggerContext();

	@Test
	void aTemplateLeavesOutNumbersIdsAndQuotedValues() {
		assertThat(ErrorFingerprint.template("Order 42 not found for 8d1e0a9c-4b1f-4c55-9a2e-0f3a7c6e1b22"))
			.isEqualTo("Order {n} not found for {uuid}");
		assertThat(ErrorFingerprint.template("Payment 'pay_81' refused after 3.5 s by gateway 4bf92f3577b34da6"))
			.isEqualTo("Payment '{s}' refused after {n} s by gateway {hex}");
		assertThat(ErrorFingerprint.template("Inventory service unavailable")).isEqualTo("Inventory service unavailable");
	}

	@Test
	void theFrameIsTheFirstOneOutsideTheJdkAndTheFrameworks() {
		String trace = "java.lang.IllegalStateException: boom\n\tat java.base/java.util.Objects.requireNonNull(Objects.java:233)\n"
				+ "\tat org.springframework.util.Assert.state(Assert.java:97)\n"
				+ "\tat com.example.orders.OrderService.place(OrderService.java:42)\n"
				+ "\tat com.example.orders.OrderController.post(OrderController.java:17)\n";
		assertThat(ErrorFingerprint.applicationFrame(trace)).isEqualTo("com.example.orders.OrderService.place");
		assertThat(ErrorFingerprint.applicationFrame((String) null)).isEmpty();
	}

	@Test
	void theSameErrorFromOnePlaceHasOneFingerprintAndFromAnotherPlaceAnother() {
		for (JsonLayout layout : JsonLayout.values()) {
			String name = LogField.ERROR_FINGERPRINT.nameIn(layout);
			JsonNode first = encode(layout, withCause(OrderService.place(42)));
			JsonNode second = encode(layout, withCause(OrderService.place(7)));
			JsonNode elsewhere = encode(layout, withCause(OrderService.cancel(42)));
			assertThat(first.path(name).asString()).matches("[0-9a-f]{16}");
			assertThat(second.path(name).asString()).isEqualTo(first.path(name).asString());
			assertThat(elsewhere.path(name).asString()).isNotEqualTo(first.path(name).asString());
			assertThat(encode(layout, event()).has(name)).isFalse();
		}
	}

	@Test
	void aSecretInTheMessageIsMaskedBeforeItIsHashed() {
		JsonNode one = encode(JsonLayout.DEFAULT,
				withCause(new IllegalStateException("Login refused with password=hunter2-Secret")));
		JsonNode other = encode(JsonLayout.DEFAULT,
				withCause(new IllegalStateException("Login refused with password=another-Secret")));
		assertThat(one.path("error_fingerprint").asString()).isEqualTo(other.path("error_fingerprint").asString());
	}

	@Test
	void anExceptionNamedWithoutItsStackTraceHasAFingerprintToo() {
		LoggingEvent named = event();
		named.setKeyValuePairs(List.of(new KeyValuePair("error_type", "org.example.NotFound"),
				new KeyValuePair("error_message", "Order 42 not found")));
		LoggingEvent again = event();
		again.setKeyValuePairs(List.of(new KeyValuePair("error_type", "org.example.NotFound"),
				new KeyValuePair("error_message", "Order 7 not found")));
		String fingerprint = encode(JsonLayout.DEFAULT, named).path("error_fingerprint").asString();
		assertThat(fingerprint).matches("[0-9a-f]{16}");
		assertThat(encode(JsonLayout.ECS, again).path("structured.error_fingerprint").asString()).isEqualTo(fingerprint);
	}

	private JsonNode encode(JsonLayout layout, LoggingEvent event) {
		LoggingEventCompositeJsonEncoder encoder = StructuredJsonEncoders.create(layout,
				new ServiceIdentity("orders", null, "test", "host"), new StackTraceOptions(false, 64, 16384, List.of()),
				new MaskingEngine(MaskingSettings.defaults()));
		encoder.setContext(this.context);
		encoder.start();
		return MAPPER.readTree(new String(encoder.encode(event), StandardCharsets.UTF_8));
	}

	private LoggingEvent event() {
		Logger logger = this.context.getLogger("com.example.Orders");
		LoggingEvent event = new LoggingEvent(Logger.class.getName(), logger, Level.ERROR, "Order failed", null, null);
		event.setMDCPropertyMap(Map.of());
		return event;
	}

	private LoggingEvent withCause(Throwable cause) {
		LoggingEvent event = event();
		event.setThrowableProxy(new ThrowableProxy(cause));
		return event;
	}

	static final class OrderService {

		static IllegalStateException place(int order) {
			return new IllegalStateException("Order " + order + " cannot be placed");
		}

		static IllegalStateException cancel(int order) {
			return new IllegalStateException("Order " + order + " cannot be placed");
		}

	}

}
