package io.github.structuredlogging.autoconfigure.sampling;

import java.nio.file.Path;
import java.util.List;

import ch.qos.logback.classic.LoggerContext;
import io.github.structuredlogging.autoconfigure.logging.StructuredLoggingAutoConfiguration;
import io.github.structuredlogging.autoconfigure.logging.TestApplication;
import io.github.structuredlogging.autoconfigure.logging.TestRuntimes;
import io.github.structuredlogging.logback.DroppedEvents;
import io.github.structuredlogging.sampling.BurstLimit;
import io.github.structuredlogging.sampling.EventSampling;
import io.github.structuredlogging.testing.JsonLines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SamplingAutoConfiguration}, and sampling and the burst limit in a
 * running application.
 */
class SamplingAutoConfigurationTests {

	private static final Logger log = LoggerFactory.getLogger("com.example.payments.BurstyGateway");

	@TempDir
	Path logs;

	@RegisterExtension
	final TestApplication application = new TestApplication();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withInitializer(TestRuntimes.fromEnvironment())
		.withConfiguration(
				AutoConfigurations.of(StructuredLoggingAutoConfiguration.class, SamplingAutoConfiguration.class));

	@Test
	void noFilterUnlessConfigured() {
		this.contextRunner.run((context) -> assertThat(context).hasNotFailed()
			.doesNotHaveBean(EventSampling.class)
			.doesNotHaveBean(BurstLimit.class));
		this.contextRunner
			.withPropertyValues("structured-logging.sampling.info-rate=0.5",
					"structured-logging.sampling.burst.enabled=true")
			.run((context) -> assertThat(context).hasSingleBean(EventSampling.class).hasSingleBean(BurstLimit.class));
	}

	@Test
	void aRateOutsideZeroToOneFailsStartUpNamingTheProperty() {
		this.contextRunner.withPropertyValues("structured-logging.sampling.debug-rate=1.5")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("debug-rate"));
	}

	@Test
	void sampledAndSuppressedEventsAreLeftOutOfTheFilesCountedAndTheBurstSummedUp() {
		ConfigurableApplicationContext context = this.application.run("structured-logging.console.enabled=false",
				"structured-logging.file.directory=" + this.logs, "structured-logging.sampling.info-rate=0",
				"structured-logging.sampling.burst.enabled=true", "structured-logging.sampling.burst.max-per-second=5");
		DroppedEvents counts = context.getBean(DroppedEvents.class);
		for (int i = 0; i < 100; i++) {
			log.info("Order {} looked up", i);
		}
		for (int i = 0; i < 50; i++) {
			log.warn("Gateway timeout for payment {}", i);
		}
		long suppressed = counts.suppressed();
		this.application.stop();
		List<JsonNode> lines = JsonLines.read(this.logs.resolve("application.json"))
			.all()
			.stream()
			.filter((line) -> "com.example.payments.BurstyGateway".equals(line.path("logger_name").asString()))
			.toList();
		assertThat(lines).noneMatch((line) -> "INFO".equals(line.path("level").asString())
				&& line.path("message").asString().startsWith("Order"));
		long timeouts = lines.stream().filter((line) -> line.path("message").asString().startsWith("Gateway")).count();
		List<JsonNode> summaries = lines.stream().filter((line) -> line.has("suppressed_count")).toList();
		assertThat(summaries).isNotEmpty();
		assertThat(timeouts + summaries.stream().mapToLong((line) -> line.path("suppressed_count").asLong()).sum())
			.isEqualTo(50);
		assertThat(suppressed).isEqualTo(50 - timeouts);
		assertThat(counts.sampledOut()).isGreaterThanOrEqualTo(100);
		assertThat(((LoggerContext) LoggerFactory.getILoggerFactory()).getTurboFilterList())
			.noneMatch((filter) -> filter instanceof EventSampling || filter instanceof BurstLimit);
	}

}
