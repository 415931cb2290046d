package io.github.structuredlogging.autoconfigure.logging;

import ch.qos.logback.classic.LoggerContext;
import io.github.structuredlogging.json.ServiceIdentity;
import io.github.structuredlogging.logback.DroppedEvents;
import io.github.structuredlogging.logback.DroppedEventsMeterBinder;
import io.github.structuredlogging.runtime.StructuredLoggingRuntime;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configuration that exposes the parts of the structured logging runtime, which the
 * logging system built while the application started, as beans. The runtime exists only
 * when 'structured-logging.enabled' is not false: that setting is read once, by the
 * logging system.
 */
@AutoConfiguration
@ConditionalOnClass(LoggerContext.class)
@ConditionalOnBean(StructuredLoggingRuntime.class)
@EnableConfigurationProperties(StructuredLoggingProperties.class)
public final class StructuredLoggingAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ServiceIdentity structuredLoggingServiceIdentity(StructuredLoggingRuntime runtime) {
		return runtime.settings().service();
	}

	@Bean
	@ConditionalOnMissingBean
	DroppedEvents structuredLoggingDroppedEvents(StructuredLoggingRuntime runtime) {
		return runtime.droppedEvents();
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
