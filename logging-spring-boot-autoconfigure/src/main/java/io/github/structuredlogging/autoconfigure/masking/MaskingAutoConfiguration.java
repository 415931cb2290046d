package io.github.structuredlogging.autoconfigure.masking;

import ch.qos.logback.classic.LoggerContext;
import io.github.structuredlogging.masking.Masker;
import org.slf4j.LoggerFactory;

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
	Masker masker(MaskingProperties properties) {
		// The log pipeline's own engine, so that its failure count is the one reported.
		if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context
				&& context.getObject(Masker.class.getName()) instanceof Masker pipeline
				&& pipeline.settings().equals(MaskingSettingsFactory.of(properties))) {
			return pipeline;
		}
		return new Masker(MaskingSettingsFactory.of(properties));
	}

}
