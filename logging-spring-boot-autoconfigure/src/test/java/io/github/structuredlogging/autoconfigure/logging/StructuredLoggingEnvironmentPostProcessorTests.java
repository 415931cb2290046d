package io.github.structuredlogging.autoconfigure.logging;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link StructuredLoggingEnvironmentPostProcessor}.
 */
class StructuredLoggingEnvironmentPostProcessorTests {

	private final StructuredLoggingEnvironmentPostProcessor postProcessor = new StructuredLoggingEnvironmentPostProcessor();

	private final MockEnvironment environment = new MockEnvironment();

	@Test
	void turnsTheBannerOffForJsonConsole() {
		postProcess();
		assertThat(this.environment.getProperty("spring.main.banner-mode")).isEqualTo("off");
	}

	@Test
	void keepsTheBannerForTextConsole() {
		this.environment.setProperty("structured-logging.console.format", "text");
		postProcess();
		assertThat(this.environment.getProperty("spring.main.banner-mode")).isNull();
	}

	@Test
	void explicitBannerModeWins() {
		this.environment.setProperty("spring.main.banner-mode", "console");
		postProcess();
		assertThat(this.environment.getProperty("spring.main.banner-mode")).isEqualTo("console");
	}

	@Test
	void leavesTheBannerAloneWhenDisabled() {
		this.environment.setProperty("structured-logging.enabled", "false");
		postProcess();
		assertThat(this.environment.getProperty("spring.main.banner-mode")).isNull();
	}

	private void postProcess() {
		this.postProcessor.postProcessEnvironment(this.environment, new SpringApplication());
	}

}
