package io.github.structuredlogging.autoconfigure.management;

import java.time.Clock;

import io.github.structuredlogging.audit.AuditLogger;
import io.github.structuredlogging.management.LogManagement;
import io.github.structuredlogging.management.actuate.EventStoreMeterBinder;
import io.github.structuredlogging.management.actuate.LoggingHealthIndicator;
import io.github.structuredlogging.management.actuate.LogsEndpoint;
import io.github.structuredlogging.management.actuate.ShippingMeterBinder;
import io.github.structuredlogging.management.web.ApiKeyAccess;
import io.github.structuredlogging.management.web.AuthorityAccess;
import io.github.structuredlogging.management.web.LogApiAccess;
import io.github.structuredlogging.management.web.LogsEndpointAccessFilter;
import io.github.structuredlogging.shipping.Shipping;
import io.github.structuredlogging.store.EventStore;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointProperties;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.ClassUtils;

/**
 * Auto-configuration of the {@code logs} Actuator endpoint, the {@code logging} health
 * indicator and the event store's meters.
 */
@AutoConfiguration(after = { LogManagementAutoConfiguration.class, LogApiAutoConfiguration.class })
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

	/**
	 * Guards the endpoint with the log API's own check, also when the log API itself is
	 * off: by the authority with Spring Security, else by the API key, else nobody.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@ConditionalOnClass({ WebEndpointProperties.class, FilterRegistrationBean.class })
	static class AccessConfiguration {

		private static final String SECURITY_CONTEXT = "org.springframework.security.core.context.SecurityContextHolder";

		@Bean
		@ConditionalOnAvailableEndpoint(LogsEndpoint.class)
		@ConditionalOnMissingBean(name = "structuredLoggingLogsEndpointAccess")
		FilterRegistrationBean<LogsEndpointAccessFilter> structuredLoggingLogsEndpointAccess(
				ObjectProvider<LogApiAccess> access, LogApiProperties properties, WebEndpointProperties endpoints,
				ObjectProvider<AuditLogger> audit) {
			LogsEndpointAccessFilter filter = new LogsEndpointAccessFilter(
					access.getIfAvailable(() -> fallback(properties, audit)), audit::getIfAvailable);
			FilterRegistrationBean<LogsEndpointAccessFilter> registration = new FilterRegistrationBean<>(filter);
			String path = endpoints.getBasePath() + "/logs";
			registration.addUrlPatterns(path, path + "/*");
			// After Spring Security's filters, which authenticate the caller.
			registration.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
			return registration;
		}

		private static LogApiAccess fallback(LogApiProperties properties, ObjectProvider<AuditLogger> audit) {
			if (ClassUtils.isPresent(SECURITY_CONTEXT, AccessConfiguration.class.getClassLoader())) {
				return new AuthorityAccess(properties.getAuthority());
			}
			String key = properties.getKey();
			return (key != null && !key.isBlank()) ? new ApiKeyAccess(key, audit::getIfAvailable, Clock.systemUTC())
					: (request) -> LogApiAccess.Decision.unauthenticated();
		}

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

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterRegistry.class)
	@ConditionalOnBean(Shipping.class)
	static class ShippingMetricsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ShippingMeterBinder structuredLoggingShippingMeterBinder(Shipping shipping) {
			return new ShippingMeterBinder(shipping);
		}

	}

}
