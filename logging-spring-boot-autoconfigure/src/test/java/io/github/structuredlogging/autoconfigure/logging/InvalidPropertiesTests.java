package io.github.structuredlogging.autoconfigure.logging;

import io.github.structuredlogging.testing.ConsoleOutput;
import io.github.structuredlogging.testing.JsonLines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * A bad property value stops start-up with a message that names the property, written
 * as JSON by the logging that is already working.
 */
@ExtendWith(OutputCaptureExtension.class)
class InvalidPropertiesTests {

	@RegisterExtension
	final TestApplication application = new TestApplication();

	@Test
	void negativeFileSizeStopsStartUpNamingTheProperty(CapturedOutput output) {
		assertThatException()
			.isThrownBy(() -> this.application.run("structured-logging.file.application.max-file-size=-5MB"))
			.withStackTraceContaining("file.application.max-file-size");
		assertFailureReportNames(output, "structured-logging.file.application.max-file-size");
	}

	@Test
	void unknownLayoutStopsStartUpNamingTheProperty(CapturedOutput output) {
		assertThatException().isThrownBy(() -> this.application.run("structured-logging.json.layout=xml"))
			.withStackTraceContaining("structured-logging.json.layout");
		assertFailureReportNames(output, "structured-logging.json.layout");
	}

	@Test
	void retentionBeyondSevenYearsStopsStartUpNamingTheProperty(CapturedOutput output) {
		assertThatException().isThrownBy(() -> this.application.run("structured-logging.file.audit.max-history=3000d"))
			.withStackTraceContaining("file.audit.max-history");
		assertFailureReportNames(output, "structured-logging.file.audit.max-history");
	}

	private void assertFailureReportNames(CapturedOutput output, String property) {
		JsonLines lines = JsonLines.parse(ConsoleOutput.written(output));
		assertThat(lines.all()).anySatisfy((event) -> {
			assertThat(event.path("level").asString()).isEqualTo("ERROR");
			assertThat(event.path("message").asString()).contains("APPLICATION FAILED TO START").contains(property);
		});
	}

}
