package io.github.structuredlogging.autoconfigure.management;

import ch.qos.logback.classic.LoggerContext;
import io.github.structuredlogging.logback.PipelineSettings;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;

/**
 * Finds the logback context and the settings the structured pipeline was attached with.
 */
final class Pipelines {

	private Pipelines() {
	}

	static @Nullable LoggerContext loggerContext() {
		return (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) ? context : null;
	}

	static @Nullable PipelineSettings settings() {
		LoggerContext context = loggerContext();
		return (context != null) ? PipelineSettings.find(context) : null;
	}

}
