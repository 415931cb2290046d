package io.github.structuredlogging.autoconfigure.shipping;

import java.nio.file.Path;
import java.util.List;

import io.github.structuredlogging.autoconfigure.logging.StructuredLoggingAutoConfiguration;
import io.github.structuredlogging.autoconfigure.logging.TestRuntimes;
import io.github.structuredlogging.shipping.Shipment;
import io.github.structuredlogging.shipping.Shipper;
import io.github.structuredlogging.shipping.Shipping;
import io.github.structuredlogging.shipping.ShippingEvent;
import io.github.structuredlogging.shipping.elasticsearch.ElasticsearchShipper;
import io.github.structuredlogging.shipping.loki.LokiShipper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ShippingAutoConfiguration}.
 */
class ShippingAutoConfigurationTests {

	@TempDir
	Path logs;

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withInitializer(TestRuntimes.fromEnvironment())
		.withConfiguration(AutoConfigurations.of(StructuredLoggingAutoConfiguration.class, ShippingAutoConfiguration.class));

	@Test
	void shipsNothingUntilAnAddressIsSet() {
		this.contextRunner.run((context) -> assertThat(context).hasNotFailed()
			.doesNotHaveBean(Shipping.class)
			.doesNotHaveBean(Shipper.class));
	}

	@Test
	void aShipperForEachBackendWhoseAddressIsSetAndOneShippingForAll() {
		this.contextRunner
			.withPropertyValues("structured-logging.file.directory=" + this.logs,
					"structured-logging.shipping.elasticsearch.url=http://127.0.0.1:1",
					"structured-logging.shipping.loki.url=http://127.0.0.1:2")
			.run((context) -> {
				assertThat(context).hasSingleBean(ElasticsearchShipper.class)
					.hasSingleBean(LokiShipper.class)
					.hasSingleBean(Shipping.class);
				assertThat(context.getBean(Shipping.class).reports()).extracting((report) -> report.name())
					.containsExactlyInAnyOrder("elasticsearch", "loki");
			});
	}

	@Test
	void eachBackendHasItsOwnSwitch() {
		this.contextRunner
			.withPropertyValues("structured-logging.file.directory=" + this.logs,
					"structured-logging.shipping.elasticsearch.url=http://127.0.0.1:1",
					"structured-logging.shipping.elasticsearch.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(ElasticsearchShipper.class)
				.doesNotHaveBean(Shipping.class));
	}

	@Test
	void anApplicationsOwnShipperIsRunToo() {
		this.contextRunner.withPropertyValues("structured-logging.file.directory=" + this.logs)
			.withUserConfiguration(OwnShipper.class)
			.run((context) -> assertThat(context.getBean(Shipping.class).reports()).extracting((report) -> report.name())
				.containsExactly("own"));
	}

	@Test
	void backsOffWhenTheApplicationDefinesItsOwn() {
		this.contextRunner
			.withPropertyValues("structured-logging.file.directory=" + this.logs,
					"structured-logging.shipping.loki.url=http://127.0.0.1:2")
			.withUserConfiguration(OwnShipping.class)
			.run((context) -> assertThat(context).getBean(Shipping.class).isSameAs(OwnShipping.SHIPPING));
	}

	@Test
	void aHighCardinalityLabelOrABadValueFailsStartUpNamingTheProperty() {
		this.contextRunner
			.withPropertyValues("structured-logging.shipping.loki.url=http://127.0.0.1:2",
					"structured-logging.shipping.loki.labels=service_name,correlation_id")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("loki.labels")
				.hasMessageContaining("correlation_id"));
		this.contextRunner.withPropertyValues("structured-logging.shipping.elasticsearch.url=ftp://127.0.0.1:1")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("elasticsearch.url"));
		this.contextRunner
			.withPropertyValues("structured-logging.shipping.elasticsearch.url=http://127.0.0.1:1",
					"structured-logging.shipping.elasticsearch.batch-timeout=0s")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("elasticsearch.batch-timeout"));
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnShipper {

		@Bean
		Shipper ownShipper() {
			return new Shipper() {

				@Override
				public String name() {
					return "own";
				}

				@Override
				public Shipment ship(List<ShippingEvent> batch) {
					return Shipment.accepted(batch.size());
				}

			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnShipping {

		static final Shipping SHIPPING = org.mockito.Mockito.mock(Shipping.class);

		@Bean
		Shipping ownShipping() {
			return SHIPPING;
		}

	}

}
