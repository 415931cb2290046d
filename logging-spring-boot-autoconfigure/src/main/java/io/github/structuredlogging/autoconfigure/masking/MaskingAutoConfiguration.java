package io.github.structuredlogging.autoconfigure.masking;

import io.github.structuredlogging.masking.Masker;
import io.github.structuredlogging.runtime.StructuredLoggingRuntime;

import org.springframework.beans.factory.ObjectProvider;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the masking engine as a bean, for everything outside the log
 * pipeline that writes data out: audit details, shipped payloads, API responses.
 */
@AutoConfiguration
@ConditionalOnBooleanProperty(name = "structured-logging.masking.enabled", matchIfMissing = true)
@EnableConfigurationProperties(MaskingProperties.class)
public final class MaskingAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Masker masker(ObjectProvider<StructuredLoggingRuntime> runtime, MaskingProperties properties) {
		// The log pipeline's own engine: what is masked in the logs is masked everywhere.
		StructuredLoggingRuntime pipeline = runtime.getIfAvailable();
		Masker masker = (pipeline != null) ? pipeline.masker() : null;
		return (masker != null) ? masker : new Masker(MaskingSettingsFactory.of(properties));
	}

}
