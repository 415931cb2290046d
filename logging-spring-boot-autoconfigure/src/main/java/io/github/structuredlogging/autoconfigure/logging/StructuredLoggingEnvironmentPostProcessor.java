package io.github.structuredlogging.autoconfigure.logging;

import java.util.Map;

import io.github.structuredlogging.logback.ConsoleFormat;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Turns the banner off unless the console is text, so that stdout carries JSON only. Added
 * as the weakest property source: an explicit 'spring.main.banner-mode' still wins.
 */
public class StructuredLoggingEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	static final String PROPERTY_SOURCE_NAME = "structuredLoggingDefaults";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		boolean enabled = environment.getProperty("structured-logging.enabled", Boolean.class, true);
		boolean textConsole = environment.getProperty("structured-logging.console.enabled", Boolean.class, true)
				&& ConsoleFormat.TEXT.name()
					.equalsIgnoreCase(environment.getProperty("structured-logging.console.format", ""));
		if (enabled && !textConsole && !environment.getPropertySources().contains(PROPERTY_SOURCE_NAME)) {
			environment.getPropertySources()
				.addLast(new MapPropertySource(PROPERTY_SOURCE_NAME, Map.of("spring.main.banner-mode", "off")));
		}
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
