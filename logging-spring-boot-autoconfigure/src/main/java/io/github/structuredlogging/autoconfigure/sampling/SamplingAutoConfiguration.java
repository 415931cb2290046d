package io.github.structuredlogging.autoconfigure.sampling;

import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;

import io.github.structuredlogging.autoconfigure.logging.StructuredLoggingAutoConfiguration;
import io.github.structuredlogging.logback.DroppedEvents;
import io.github.structuredlogging.runtime.StructuredLoggingRuntime;
import io.github.structuredlogging.sampling.BurstLimit;
import io.github.structuredlogging.sampling.EventSampling;
import io.github.structuredlogging.sampling.SamplingFilters;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of sampling and the burst limit, each only when configured: logback
 * asks no filter otherwise.
 */
@AutoConfiguration(after = StructuredLoggingAutoConfiguration.class)
@ConditionalOnBean(StructuredLoggingRuntime.class)
@EnableConfigurationProperties(SamplingProperties.class)
public final class SamplingAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnExpression("${structured-logging.sampling.debug-rate:1} < 1 or ${structured-logging.sampling.info-rate:1} < 1")
	EventSampling structuredLoggingEventSampling(SamplingProperties properties, DroppedEvents counts) {
		return new EventSampling(properties.getDebugRate(), properties.getInfoRate(), properties.isByCorrelationId(),
				() -> ThreadLocalRandom.current().nextLong(), counts);
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBooleanProperty("structured-logging.sampling.burst.enabled")
	BurstLimit structuredLoggingBurstLimit(SamplingProperties properties, DroppedEvents counts) {
		return new BurstLimit(properties.getBurst().getMaxPerSecond(), Clock.systemUTC(), counts);
	}

	@Bean
	@ConditionalOnMissingBean
	SamplingFilters structuredLoggingSamplingFilters(StructuredLoggingRuntime runtime,
			ObjectProvider<EventSampling> sampling, ObjectProvider<BurstLimit> burstLimit) {
		return new SamplingFilters(runtime.context(), sampling.getIfAvailable(), burstLimit.getIfAvailable());
	}

}
