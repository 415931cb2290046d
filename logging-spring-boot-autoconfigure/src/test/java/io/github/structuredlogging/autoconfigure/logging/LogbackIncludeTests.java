package io.github.structuredlogging.autoconfigure.logging;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application's own logback configuration is not overridden, and gets the structured
 * appenders from one include line.
 */
@ExtendWith(OutputCaptureExtension.class)
class LogbackIncludeTests {

	private static final Logger log = LoggerFactory.getLogger("com.example.orders.OrderService");

	@TempDir
	Path logs;

	private ConfigurableApplicationContext context;

	@AfterEach
	void close() {
		if (this.context != null) {
			this.context.close();
		}
		TestApplications.shutDownLogging();
	}

	@Test
	void includeGivesAnOwnConfigurationTheStructuredAppenders(CapturedOutput output) {
		this.context = TestApplications.run("logging.config=classpath:logback-with-include.xml",
				"spring.application.name=orders", "structured-logging.file.directory=" + this.logs);
		log.warn("Stock low");
		this.context.close();
		this.context = null;
		TestApplications.shutDownLogging();
		assertThat(JsonLines.parse(output.getOut()).withMessage("Stock low").path("service_name").asString())
			.isEqualTo("orders");
		assertThat(JsonLines.read(this.logs.resolve("error.json")).messages()).containsExactly("Stock low");
	}

	@Test
	void ownConfigurationWithoutIncludeIsLeftAlone(CapturedOutput output) {
		this.context = TestApplications.run("logging.config=classpath:logback-plain.xml");
		log.info("Plain line");
		assertThat(output.getOut()).contains("PLAIN Plain line").doesNotContain("\"message\":\"Plain line\"");
	}

}
