package io.github.structuredlogging.autoconfigure.management;

import java.time.Clock;

import io.github.structuredlogging.management.LogManagement;
import io.github.structuredlogging.management.actuate.EventStoreMeterBinder;
import io.github.structuredlogging.management.actuate.LoggingHealthIndicator;
import io.github.structuredlogging.management.actuate.LogsEndpoint;
import io.github.structuredlogging.store.EventStore;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configuration of the {@code logs} Actuator endpoint, the {@code logging} health
 * indicator and the event store's meters.
 */
@AutoConfiguration(after = LogManagementAutoConfiguration.class)
@ConditionalOnClass(Endpoint.class)
@ConditionalOnBean(LogManagement.class)
public final class LogsEndpointAutoConfiguration {

	// A web endpoint, whose errors are RFC 9457 problems.
	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnAvailableEndpoint
	@ConditionalOnClass(name = "org.springframework.http.ProblemDetail")
	LogsEndpoint structuredLoggingLogsEndpoint(LogManagement management) {
		return new LogsEndpoint(management, Clock.systemUTC());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(HealthIndicator.class)
	@ConditionalOnEnabledHealthIndicator("logging")
	static class HealthConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "loggingHealthIndicator")
		LoggingHealthIndicator loggingHealthIndicator(LogManagement management) {
			return new LoggingHealthIndicator(management);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterRegistry.class)
	@ConditionalOnBean(EventStore.class)
	static class MetricsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		EventStoreMeterBinder structuredLoggingEventStoreMeterBinder(EventStore store) {
			return new EventStoreMeterBinder(store);
		}

	}

}
