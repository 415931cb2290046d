package io.github.structuredlogging.autoconfigure.logging;

import java.util.Map;

import io.github.structuredlogging.logback.ConsoleFormat;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
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
		Binder binder = Binder.get(environment);
		boolean enabled = binder.bind(PipelineSettingsFactory.PREFIX + ".enabled", Boolean.class).orElse(true);
		boolean textConsole = binder.bind(PipelineSettingsFactory.PREFIX + ".console.enabled", Boolean.class)
			.orElse(true) && textFormat(binder);
		if (enabled && !textConsole && !environment.getPropertySources().contains(PROPERTY_SOURCE_NAME)) {
			environment.getPropertySources()
				.addLast(new MapPropertySource(PROPERTY_SOURCE_NAME, Map.of("spring.main.banner-mode", "off")));
		}
	}

	// A bad value is reported, naming the property, once logging is configured.
	private static boolean textFormat(Binder binder) {
		try {
			return binder.bind(PipelineSettingsFactory.PREFIX + ".console.format", ConsoleFormat.class)
				.map(ConsoleFormat.TEXT::equals)
				.orElse(false);
		}
		catch (BindException ex) {
			return false;
		}
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
