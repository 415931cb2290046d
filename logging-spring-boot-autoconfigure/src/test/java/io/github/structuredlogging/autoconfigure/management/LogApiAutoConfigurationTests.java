package io.github.structuredlogging.autoconfigure.management;

import io.github.structuredlogging.autoconfigure.logging.StructuredLoggingAutoConfiguration;
import io.github.structuredlogging.management.TestEvents;
import io.github.structuredlogging.management.web.ApiKeyAccess;
import io.github.structuredlogging.management.web.AuthorityAccess;
import io.github.structuredlogging.management.web.LiveTail;
import io.github.structuredlogging.management.web.LogApiAccess;
import io.github.structuredlogging.management.web.ConsoleController;
import io.github.structuredlogging.management.web.LogApiController;
import io.github.structuredlogging.management.web.LogApiExceptionHandler;
import io.github.structuredlogging.autoconfigure.logging.TestRuntimes;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.DispatcherServlet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LogApiAutoConfiguration}.
 */
class LogApiAutoConfigurationTests {

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner().withInitializer(TestRuntimes.fromEnvironment())
		.withConfiguration(AutoConfigurations.of(StructuredLoggingAutoConfiguration.class,
				LogManagementAutoConfiguration.class, LogApiAutoConfiguration.class));

	@Test
	void withSpringSecurityTheApiAsksForTheAuthority() {
		this.contextRunner.run((context) -> assertThat(context).hasSingleBean(LogApiController.class)
			.hasSingleBean(LogApiExceptionHandler.class)
			.hasSingleBean(TestEvents.class)
			.hasSingleBean(LiveTail.class)
			.getBean(LogApiAccess.class)
			.isInstanceOf(AuthorityAccess.class));
	}

	@Test
	void theConsoleComesWithTheApiAndHasItsOwnSwitch() {
		this.contextRunner.run((context) -> assertThat(context).hasSingleBean(ConsoleController.class));
		this.contextRunner.withPropertyValues("structured-logging.api.console.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(ConsoleController.class)
				.hasSingleBean(LogApiController.class));
	}

	@Test
	void disabledLeavesTheApiOut() {
		this.contextRunner.withPropertyValues("structured-logging.api.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(LogApiController.class)
				.doesNotHaveBean(LogApiAccess.class));
	}

	@Test
	void withoutSpringSecurityTheApiNeedsToBeEnabledWithAKey() {
		WebApplicationContextRunner withoutSecurity = this.contextRunner
			.withClassLoader(new FilteredClassLoader("org.springframework.security"));
		withoutSecurity.run((context) -> assertThat(context).doesNotHaveBean(LogApiController.class));
		withoutSecurity.withPropertyValues("structured-logging.api.enabled=true", "structured-logging.api.key=0123456789abcdef")
			.run((context) -> assertThat(context.getBean(LogApiAccess.class)).isInstanceOf(ApiKeyAccess.class));
		withoutSecurity.withPropertyValues("structured-logging.api.enabled=true")
			.run((context) -> assertThat(context.getStartupFailure())
				.hasStackTraceContaining("structured-logging.api.key"));
	}

	@Test
	void backsOffToTheApplicationsAccessCheck() {
		this.contextRunner.withUserConfiguration(UserAccess.class)
			.run((context) -> assertThat(context.getBean(LogApiAccess.class)).isSameAs(UserAccess.ACCESS));
	}

	@Test
	void leftOutWithoutSpringMvc() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(DispatcherServlet.class))
			.run((context) -> assertThat(context).doesNotHaveBean(LogApiController.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class UserAccess {

		static final LogApiAccess ACCESS = (request) -> LogApiAccess.Decision.allow("anyone");

		@Bean
		LogApiAccess logApiAccess() {
			return ACCESS;
		}

	}

}
