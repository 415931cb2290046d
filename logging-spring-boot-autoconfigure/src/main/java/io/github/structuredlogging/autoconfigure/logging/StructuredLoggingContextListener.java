package io.github.structuredlogging.autoconfigure.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggerContextListener;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.spi.LifeCycle;
import io.github.structuredlogging.runtime.PipelineSettings;
import io.github.structuredlogging.runtime.StructuredLogbackPipeline;
import io.github.structuredlogging.runtime.StructuredLoggingRuntime;
import org.jspecify.annotations.Nullable;

import org.springframework.core.env.Environment;

/**
 * Attaches the structured appenders from an application's own logback configuration
 * file, through
 * {@code <include resource="io/github/structuredlogging/logback/structured-logging.xml"/>}.
 * Settings come from the Spring environment that Spring Boot hands to logback.
 */
public class StructuredLoggingContextListener extends ContextAwareBase implements LoggerContextListener, LifeCycle {

	private boolean started;

	private @Nullable StructuredLoggingRuntime runtime;

	/**
	 * Return the runtime that an included configuration attached to the given context.
	 * @param context the logback context
	 * @return the runtime, {@code null} when the configuration does not include it
	 */
	static @Nullable StructuredLoggingRuntime runtimeOf(LoggerContext context) {
		for (LoggerContextListener listener : context.getCopyOfListenerList()) {
			if (listener instanceof StructuredLoggingContextListener structured && structured.runtime != null) {
				return structured.runtime;
			}
		}
		return null;
	}

	// Spring Boot's logback logging system puts its environment into the context (for
	// <springProperty> and <springProfile>): the listener reads it from there.
	@Override
	public void start() {
		if (!(getContext() instanceof LoggerContext context)
				|| !(context.getObject(Environment.class.getName()) instanceof Environment environment)) {
			addWarn("No Spring environment in the logback context: structured logging needs Spring Boot");
			return;
		}
		PipelineSettingsFactory.PipelineProperties properties = PipelineSettingsFactory.bind(environment);
		if (properties == null) {
			return;
		}
		PipelineSettings settings = PipelineSettingsFactory.create(properties, environment);
		this.runtime = new StructuredLogbackPipeline(context, settings)
			.attach(context.getProperty("CONSOLE_LOG_THRESHOLD"));
		this.runtime.problems().forEach(this::addWarn);
		this.started = true;
	}

	@Override
	public void stop() {
		this.started = false;
		this.runtime = null;
	}

	@Override
	public boolean isStarted() {
		return this.started;
	}

	@Override
	public boolean isResetResistant() {
		return false;
	}

	@Override
	public void onStart(LoggerContext context) {
	}

	@Override
	public void onReset(LoggerContext context) {
	}

	@Override
	public void onStop(LoggerContext context) {
	}

	@Override
	public void onLevelChange(ch.qos.logback.classic.Logger logger, Level level) {
	}

}
