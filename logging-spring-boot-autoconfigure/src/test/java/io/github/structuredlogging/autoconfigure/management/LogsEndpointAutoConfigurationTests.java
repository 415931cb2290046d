package io.github.structuredlogging.autoconfigure.management;

import io.github.structuredlogging.autoconfigure.logging.StructuredLoggingAutoConfiguration;
import io.github.structuredlogging.management.actuate.EventStoreMeterBinder;
import io.github.structuredlogging.management.actuate.LoggingHealthIndicator;
import io.github.structuredlogging.management.actuate.LogsEndpoint;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.github.structuredlogging.autoconfigure.logging.TestRuntimes;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LogsEndpointAutoConfiguration}.
 */
class LogsEndpointAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner().withInitializer(TestRuntimes.fromEnvironment())
		.withConfiguration(AutoConfigurations.of(StructuredLoggingAutoConfiguration.class,
				LogManagementAutoConfiguration.class, LogsEndpointAutoConfiguration.class))
		.withBean(SimpleMeterRegistry.class);

	@Test
	void endpointOnlyWhenExposed() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(LogsEndpoint.class)
			.hasSingleBean(LoggingHealthIndicator.class)
			.hasSingleBean(EventStoreMeterBinder.class));
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=logs")
			.run((context) -> assertThat(context).hasSingleBean(LogsEndpoint.class));
	}

	@Test
	void healthIndicatorCanBeSwitchedOff() {
		this.contextRunner.withPropertyValues("management.health.logging.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(LoggingHealthIndicator.class));
	}

	@Test
	void leftOutWithoutActuator() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(Endpoint.class))
			.run((context) -> assertThat(context).doesNotHaveBean(LoggingHealthIndicator.class)
				.doesNotHaveBean(LogsEndpoint.class));
	}

}
