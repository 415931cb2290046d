package io.github.structuredlogging.shipping;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a shipper reads from a line without parsing it, and how it cuts one that is too
 * large.
 */
class ShippingEventTests {

	private static final String LINE = "{\"@timestamp\":\"2026-11-22T08:10:55.324366708Z\",\"level\":\"INFO\","
			+ "\"message\":\"Order placed\",\"payload\":\"" + "x".repeat(5000) + "\",\"order_id\":7}";

	@Test
	void aWholeLineIsReadableAndALineCutByACrashIsNot() {
		assertThat(event(LINE).readable()).isTrue();
		assertThat(event(LINE.substring(0, 200)).readable()).isFalse();
		assertThat(event("").readable()).isFalse();
	}

	@Test
	void theTimestampIsReadFromTheStartOfTheLine() {
		assertThat(event(LINE).timestamp()).isEqualTo(Instant.parse("2026-11-22T08:10:55.324366708Z"));
		assertThat(event("{\"level\":\"INFO\"}").timestamp()).isNull();
	}

	@Test
	void aLineLargerThanTheLimitKeepsItsFieldsWithTheLongestValueCutAndIsMarked() {
		ShippingEvent cut = event(LINE).truncatedTo(2000);
		assertThat(cut.line().length).isLessThanOrEqualTo(2000);
		assertThat(cut.json().path("event_truncated").asBoolean()).isTrue();
		assertThat(cut.json().path("message").asString()).isEqualTo("Order placed");
		assertThat(cut.json().path("order_id").asInt()).isEqualTo(7);
		assertThat(cut.json().path("payload").asString()).endsWith("...[truncated]");
		assertThat(event(LINE).truncatedTo(100_000).line()).isEqualTo(LINE.getBytes(StandardCharsets.UTF_8));
	}

	private static ShippingEvent event(String line) {
		return new ShippingEvent(line.getBytes(StandardCharsets.UTF_8), null);
	}

}
