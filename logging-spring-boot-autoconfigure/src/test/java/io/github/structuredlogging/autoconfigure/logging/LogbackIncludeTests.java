package io.github.structuredlogging.autoconfigure.logging;

import io.github.structuredlogging.testing.ConsoleOutput;
import io.github.structuredlogging.testing.JsonLines;
import java.nio.file.Path;

import io.github.structuredlogging.runtime.StructuredLoggingRuntime;
import io.github.structuredlogging.store.EventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.boot.test.system.OutputCaptureExtension;

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

	@RegisterExtension
	final TestApplication application = new TestApplication();

	@Test
	void includeGivesAnOwnConfigurationTheStructuredAppenders(CapturedOutput output) {
		ConfigurableApplicationContext context = this.application.run(
				"logging.config=classpath:logback-with-include.xml", "spring.application.name=orders",
				"structured-logging.file.directory=" + this.logs);
		// The runtime the include attached is the one the context hands out.
		StructuredLoggingRuntime runtime = context.getBean(StructuredLoggingRuntime.class);
		assertThat(runtime.filesDirectory()).isEqualTo(this.logs);
		assertThat(context.getBean(EventStore.class)).isSameAs(runtime.store());
		log.warn("Stock low");
		this.application.stop();
		assertThat(JsonLines.parse(ConsoleOutput.written(output)).withMessage("Stock low").path("service_name").asString())
			.isEqualTo("orders");
		assertThat(JsonLines.read(this.logs.resolve("error.json")).messages()).containsExactly("Stock low");
	}

	@Test
	void ownConfigurationWithoutIncludeIsLeftAlone(CapturedOutput output) {
		ConfigurableApplicationContext context = this.application.run("logging.config=classpath:logback-plain.xml");
		assertThat(context.getBeanProvider(StructuredLoggingRuntime.class).getIfAvailable()).isNull();
		log.info("Plain line");
		assertThat(ConsoleOutput.written(output)).contains("PLAIN Plain line").doesNotContain("\"message\":\"Plain line\"");
	}

}
