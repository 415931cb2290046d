package io.github.structuredlogging.autoconfigure.debug;

import java.time.Clock;

import ch.qos.logback.classic.LoggerContext;
import io.github.structuredlogging.autoconfigure.logging.StructuredLoggingAutoConfiguration;
import io.github.structuredlogging.autoconfigure.logging.TestRuntimes;
import io.github.structuredlogging.debug.DebugSessions;
import io.github.structuredlogging.debug.ErrorReplay;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link DebugDetailAutoConfiguration}.
 */
class DebugDetailAutoConfigurationTests {

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withInitializer(TestRuntimes.fromEnvironment())
		.withConfiguration(
				AutoConfigurations.of(StructuredLoggingAutoConfiguration.class, DebugDetailAutoConfiguration.class));

	@Test
	void sessionsAndTheirFilterInAWebApplication() {
		this.contextRunner.run((context) -> assertThat(context).hasSingleBean(DebugSessions.class)
			.hasBean("structuredLoggingDebugSessionFilter"));
	}

	@Test
	void noneWhenSwitchedOffOrOutsideAWebApplication() {
		this.contextRunner.withPropertyValues("structured-logging.debug-sessions.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(DebugSessions.class));
		new ApplicationContextRunner().withInitializer(TestRuntimes.fromEnvironment())
			.withConfiguration(
					AutoConfigurations.of(StructuredLoggingAutoConfiguration.class, DebugDetailAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(DebugSessions.class));
	}

	@Test
	void theReplayOfFailedRequestsOnlyWhenEnabled() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(ErrorReplay.class));
		this.contextRunner.withPropertyValues("structured-logging.debug-replay.enabled=true")
			.run((context) -> assertThat(context).hasSingleBean(ErrorReplay.class)
				.getBean("structuredLoggingErrorReplayFilter")
				.isInstanceOf(FilterRegistrationBean.class));
		this.contextRunner
			.withPropertyValues("structured-logging.debug-replay.enabled=true",
					"structured-logging.debug-replay.max-events=10")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("max-events"));
	}

	@Test
	void backsOffWhenTheApplicationDefinesItsOwn() {
		this.contextRunner.withBean("ownSessions", DebugSessions.class,
				() -> new DebugSessions(new LoggerContext(), Clock.systemUTC(),
						(change) -> {
						}))
			.run((context) -> assertThat(context).hasSingleBean(DebugSessions.class).hasBean("ownSessions"));
	}

}
