package io.github.structuredlogging.autoconfigure.logging;

import ch.qos.logback.classic.LoggerContext;
import io.github.structuredlogging.json.ServiceIdentity;
import io.github.structuredlogging.logback.DroppedEvents;
import io.github.structuredlogging.logback.DroppedEventsMeterBinder;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Auto-configuration that exposes the structured logging pipeline, which the logging
 * system built while the application started, as beans.
 */
@AutoConfiguration
@ConditionalOnClass(LoggerContext.class)
@ConditionalOnBooleanProperty(name = "structured-logging.enabled", matchIfMissing = true)
@EnableConfigurationProperties(StructuredLoggingProperties.class)
public final class StructuredLoggingAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ServiceIdentity structuredLoggingServiceIdentity(StructuredLoggingProperties properties,
			Environment environment) {
		return ServiceIdentityResolver.resolve(properties, environment);
	}

	@Bean
	@ConditionalOnMissingBean
	DroppedEvents structuredLoggingDroppedEvents() {
		return (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) ? DroppedEvents.of(context)
				: new DroppedEvents();
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterRegistry.class)
	static class MetricsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		DroppedEventsMeterBinder structuredLoggingDroppedEventsMeterBinder(DroppedEvents droppedEvents) {
			return new DroppedEventsMeterBinder(droppedEvents);
		}

	}

}
