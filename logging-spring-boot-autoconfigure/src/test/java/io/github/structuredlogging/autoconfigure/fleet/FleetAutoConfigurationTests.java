package io.github.structuredlogging.autoconfigure.fleet;

import io.github.structuredlogging.autoconfigure.logging.StructuredLoggingAutoConfiguration;
import io.github.structuredlogging.autoconfigure.logging.TestRuntimes;
import io.github.structuredlogging.autoconfigure.management.LogApiAutoConfiguration;
import io.github.structuredlogging.autoconfigure.management.LogManagementAutoConfiguration;
import io.github.structuredlogging.autoconfigure.shipping.ShippingAutoConfiguration;
import io.github.structuredlogging.management.fleet.FleetSearch;
import io.github.structuredlogging.management.web.FleetApiController;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link FleetAutoConfiguration}.
 */
class FleetAutoConfigurationTests {

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withInitializer(TestRuntimes.fromEnvironment())
		.withConfiguration(AutoConfigurations.of(StructuredLoggingAutoConfiguration.class,
				LogManagementAutoConfiguration.class, LogApiAutoConfiguration.class, ShippingAutoConfiguration.class,
				FleetAutoConfiguration.class));

	@Test
	void offUntilEnabled() {
		this.contextRunner.withPropertyValues("structured-logging.shipping.elasticsearch.url=http://127.0.0.1:9")
			.run((context) -> assertThat(context).doesNotHaveBean(FleetSearch.class)
				.doesNotHaveBean(FleetApiController.class));
	}

	@Test
	void enabledItReadsFromTheShippersCluster() {
		this.contextRunner
			.withPropertyValues("structured-logging.fleet.enabled=true",
					"structured-logging.shipping.elasticsearch.url=http://127.0.0.1:9")
			.run((context) -> assertThat(context).hasSingleBean(FleetSearch.class)
				.hasSingleBean(FleetApiController.class));
	}

	@Test
	void enabledWithoutTheClustersUrlFailsStartUpNamingTheProperty() {
		this.contextRunner.withPropertyValues("structured-logging.fleet.enabled=true")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("structured-logging.shipping.elasticsearch.url"));
	}

	@Test
	void notWithoutTheLogApi() {
		this.contextRunner
			.withPropertyValues("structured-logging.fleet.enabled=true", "structured-logging.api.enabled=false",
					"structured-logging.shipping.elasticsearch.url=http://127.0.0.1:9")
			.run((context) -> assertThat(context).doesNotHaveBean(FleetSearch.class));
	}

}
