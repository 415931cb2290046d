package io.github.structuredlogging.autoconfigure.fleet;

import java.time.Clock;

import io.github.structuredlogging.audit.AuditLogger;
import io.github.structuredlogging.autoconfigure.management.LogApiAutoConfiguration;
import io.github.structuredlogging.autoconfigure.shipping.ShippingAutoConfiguration;
import io.github.structuredlogging.autoconfigure.shipping.ShippingProperties;
import io.github.structuredlogging.json.ServiceIdentity;
import io.github.structuredlogging.management.fleet.FleetClient;
import io.github.structuredlogging.management.fleet.FleetScope;
import io.github.structuredlogging.management.fleet.FleetSearch;
import io.github.structuredlogging.management.web.FleetApiController;
import io.github.structuredlogging.management.web.HeavyReads;
import io.github.structuredlogging.management.web.LogApiController;
import io.github.structuredlogging.runtime.StructuredLoggingRuntime;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the fleet view: with {@code structured-logging.fleet.enabled},
 * the log API's reads with {@code scope=fleet} go to the Elasticsearch/OpenSearch cluster
 * the events are shipped to.
 */
@AutoConfiguration(after = { ShippingAutoConfiguration.class, LogApiAutoConfiguration.class })
@ConditionalOnBooleanProperty("structured-logging.fleet.enabled")
@ConditionalOnBean({ StructuredLoggingRuntime.class, LogApiController.class })
@EnableConfigurationProperties({ FleetProperties.class, ShippingProperties.class })
public final class FleetAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	FleetSearch structuredLoggingFleetSearch(ShippingProperties shipping, StructuredLoggingRuntime runtime) {
		if (shipping.getElasticsearch().getUrl() == null) {
			throw new InvalidConfigurationPropertyValueException("structured-logging.shipping.elasticsearch.url", null,
					"structured-logging.fleet.enabled=true reads from the Elasticsearch/OpenSearch cluster the "
							+ "logs are shipped to: set its URL");
		}
		ServiceIdentity service = runtime.settings().service();
		FleetScope scope = new FleetScope(service.name(), service.environment(),
				ShippingAutoConfiguration.indexNaming(shipping, runtime), runtime.settings().layout());
		return new FleetSearch(new FleetClient(ShippingAutoConfiguration.elasticsearchBackend(shipping)), scope,
				Clock.systemUTC());
	}

	@Bean
	@ConditionalOnMissingBean
	FleetApiController structuredLoggingFleetApiController(FleetSearch fleet, HeavyReads heavyReads,
			ObjectProvider<AuditLogger> auditLogger) {
		return new FleetApiController(fleet, heavyReads, auditLogger.getIfAvailable(), Clock.systemUTC());
	}

}
