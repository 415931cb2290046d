package io.github.structuredlogging.autoconfigure.masking;

import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.structuredlogging.api.Masker;
import io.github.structuredlogging.api.MaskingRule;
import io.github.structuredlogging.masking.MaskingEngine;
import io.github.structuredlogging.runtime.StructuredLoggingRuntime;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the masking engine as a bean, with the application's
 * {@link MaskingRule} beans added to it: the engine of the log pipeline, so that audit
 * details, API responses and shipped payloads are masked exactly as the logs are.
 */
@AutoConfiguration
@ConditionalOnBooleanProperty(name = "structured-logging.masking.enabled", matchIfMissing = true)
@EnableConfigurationProperties(MaskingProperties.class)
public final class MaskingAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Masker masker(ObjectProvider<StructuredLoggingRuntime> runtime, MaskingProperties properties,
			ObjectProvider<MaskingRule> rules, ListableBeanFactory beanFactory) {
		StructuredLoggingRuntime pipeline = runtime.getIfAvailable();
		MaskingEngine engine = (pipeline != null) ? pipeline.masker() : null;
		if (engine == null) {
			// Logging does not run through the structured pipeline: audit details still
			// need masking.
			engine = new MaskingEngine(MaskingSettingsFactory.of(properties));
		}
		engine.addRules(byBeanName(rules, beanFactory));
		return engine;
	}

	// In their @Order, named as their beans are, for /config.
	private static Map<String, MaskingRule> byBeanName(ObjectProvider<MaskingRule> rules,
			ListableBeanFactory beanFactory) {
		Map<MaskingRule, String> names = new IdentityHashMap<>();
		beanFactory.getBeansOfType(MaskingRule.class).forEach((name, rule) -> names.put(rule, name));
		Map<String, MaskingRule> ordered = new LinkedHashMap<>();
		rules.orderedStream().forEach((rule) -> ordered.put(names.getOrDefault(rule, rule.getClass().getName()), rule));
		return ordered;
	}

}
