package io.github.structuredlogging.autoconfigure.masking;

import io.github.structuredlogging.autoconfigure.logging.TestApplication;
import io.github.structuredlogging.testing.ConsoleOutput;
import io.github.structuredlogging.testing.JsonLines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Masking configured through properties, as an application would, read back from its
 * output.
 */
@ExtendWith(OutputCaptureExtension.class)
class MaskingConfigurationTests {

	private static final Logger log = LoggerFactory.getLogger("com.example.payments.PaymentService");

	@RegisterExtension
	final TestApplication application = new TestApplication();

	@Test
	void addedKeyIsMasked(CapturedOutput output) {
		this.application.run("structured-logging.masking.additional-keys=pin,member_number");
		log.atInfo().addKeyValue("pin", "4321").addKeyValue("member_number", "M-778").log("Card unlocked pin=4321");
		JsonNode line = JsonLines.parse(ConsoleOutput.written(output)).withMessage("Card unlocked pin=[REDACTED]");
		assertThat(line.path("pin").asString()).isEqualTo("[REDACTED]");
		assertThat(line.path("member_number").asString()).isEqualTo("[REDACTED]");
	}

	@Test
	void removedDefaultKeyIsWrittenAsIs(CapturedOutput output) {
		this.application.run("structured-logging.masking.excluded-keys=token");
		log.atInfo().addKeyValue("token", "page-2").log("Next page");
		assertThat(JsonLines.parse(ConsoleOutput.written(output)).withMessage("Next page").path("token").asString())
			.isEqualTo("page-2");
	}

	@Test
	void customRuleMasksItsMatches(CapturedOutput output) {
		this.application.run("structured-logging.masking.rules[0].name=employee-id",
				"structured-logging.masking.rules[0].pattern=EMP-(\\d{2})\\d{4}",
				"structured-logging.masking.rules[0].replacement=EMP-$1****");
		log.info("Approved by EMP-123456");
		assertThat(JsonLines.parse(ConsoleOutput.written(output)).messages()).contains("Approved by EMP-12****")
			.doesNotContain("Approved by EMP-123456");
	}

	@Test
	void detectorTurnedOffLeavesItsValues(CapturedOutput output) {
		this.application.run("structured-logging.masking.detectors.emails=off",
				"structured-logging.masking.detectors.card-numbers=false");
		log.info("Receipt for john.doe@example.com paid with 4111111111111111");
		assertThat(JsonLines.parse(ConsoleOutput.written(output)).messages())
			.contains("Receipt for john.doe@example.com paid with 4111111111111111");
	}

	@Test
	void defaultsMaskTheSameLine(CapturedOutput output) {
		this.application.run();
		log.info("Receipt for john.doe@example.com paid with 4111111111111111");
		assertThat(JsonLines.parse(ConsoleOutput.written(output)).messages())
			.contains("Receipt for j***@example.com paid with [REDACTED]");
	}

	@Test
	void textConsoleIsMaskedToo(CapturedOutput output) {
		this.application.run("structured-logging.console.format=text");
		log.atInfo().addKeyValue("password", "hunter2").log("Login with Bearer abcdef1234567890");
		String line = ConsoleOutput.written(output).lines().filter((l) -> l.contains("Login with")).findFirst().orElseThrow();
		assertThat(line).contains("Bearer [REDACTED]").contains("password=[REDACTED]").doesNotContain("hunter2")
			.doesNotContain("abcdef1234567890");
	}

	@Test
	void maskingCanBeTurnedOff(CapturedOutput output) {
		this.application.run("structured-logging.masking.enabled=false");
		log.info("Paid with 4111111111111111");
		assertThat(JsonLines.parse(ConsoleOutput.written(output)).messages()).contains("Paid with 4111111111111111");
	}

	@Test
	void invalidRuleStopsStartUpNamingTheProperty() {
		assertThatException()
			.isThrownBy(() -> this.application.run("structured-logging.masking.rules[0].name=broken",
					"structured-logging.masking.rules[0].pattern=([a-z"))
			.withStackTraceContaining("rules[0].pattern");
	}

}
