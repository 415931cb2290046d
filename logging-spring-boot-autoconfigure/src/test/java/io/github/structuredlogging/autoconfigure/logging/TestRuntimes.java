package io.github.structuredlogging.autoconfigure.logging;

import ch.qos.logback.classic.LoggerContext;
import io.github.structuredlogging.runtime.StructuredLogbackPipeline;
import io.github.structuredlogging.runtime.StructuredLoggingRuntime;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Gives an {@code ApplicationContextRunner} the runtime that the logging system would
 * register, built the same way from the runner's environment, on a logback context of
 * its own.
 */
public final class TestRuntimes {

	private TestRuntimes() {
	}

	/**
	 * Return an initializer that registers a runtime built from the context's environment,
	 * unless structured logging is disabled there.
	 * @return the initializer
	 */
	public static ApplicationContextInitializer<ConfigurableApplicationContext> fromEnvironment() {
		return (context) -> {
			ConfigurableEnvironment environment = context.getEnvironment();
			PipelineSettingsFactory.PipelineProperties properties;
			try {
				properties = PipelineSettingsFactory.bind(environment);
			}
			catch (RuntimeException ex) {
				// The configuration properties beans report the bad value.
				properties = PipelineSettingsFactory.PipelineProperties.defaults();
			}
			if (properties == null) {
				return;
			}
			LoggerContext loggerContext = new LoggerContext();
			StructuredLoggingRuntime runtime = new StructuredLogbackPipeline(loggerContext,
					PipelineSettingsFactory.create(properties, environment))
				.attach(null);
			context.getBeanFactory().registerSingleton(StructuredLoggingRuntime.BEAN_NAME, runtime);
			context.addApplicationListener((ContextClosedEvent event) -> loggerContext.stop());
		};
	}

}
