package io.github.structuredlogging.autoconfigure.logging;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.github.structuredlogging.api.LogStreams;
import io.github.structuredlogging.autoconfigure.logging.StructuredLoggingProperties.Stream;
import io.github.structuredlogging.json.StackTraceOptions;
import io.github.structuredlogging.logback.PipelineSettings;
import io.github.structuredlogging.logback.StreamFile;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.validation.ValidationBindHandler;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * Turns the environment into pipeline settings while logging starts, before any bean
 * exists.
 */
final class PipelineSettingsFactory {

	static final String PREFIX = "structured-logging";

	private PipelineSettingsFactory() {
	}

	/**
	 * Bind and validate the properties.
	 * @param environment the environment
	 * @return the properties
	 * @throws org.springframework.boot.context.properties.bind.BindException naming the
	 * property when a value is invalid
	 */
	static StructuredLoggingProperties bind(Environment environment) {
		StructuredLoggingProperties properties = new StructuredLoggingProperties();
		BindHandler handler = new ValidationBindHandler(properties);
		Binder.get(environment).bind(PREFIX, Bindable.ofInstance(properties), handler);
		return properties;
	}

	static PipelineSettings create(StructuredLoggingProperties properties, Environment environment) {
		StructuredLoggingProperties.StackTrace stackTrace = properties.getJson().getStackTrace();
		StructuredLoggingProperties.File file = properties.getFile();
		return new PipelineSettings(properties.getConsole().isEnabled(), properties.getConsole().getFormat(),
				properties.getJson().getLayout(), ServiceIdentityResolver.resolve(properties, environment),
				new StackTraceOptions(stackTrace.isRootCauseFirst(), stackTrace.getMaxDepthPerThrowable(),
						stackTrace.getMaxLength(), stackTrace.getExcludedFrames()),
				directory(file, environment), streams(file), file.getAsync().getQueueSize(),
				file.getAsync().getMaxFlushTime());
	}

	private static @Nullable Path directory(StructuredLoggingProperties.File file, Environment environment) {
		String directory = StringUtils.hasText(file.getDirectory()) ? file.getDirectory()
				: environment.getProperty("logging.file.path");
		return StringUtils.hasText(directory) ? Path.of(directory) : null;
	}

	private static List<StreamFile> streams(StructuredLoggingProperties.File file) {
		List<StreamFile> streams = new ArrayList<>();
		add(streams, LogStreams.APPLICATION, file.getApplication());
		add(streams, LogStreams.ERROR, file.getError());
		add(streams, LogStreams.PERFORMANCE, file.getPerformance());
		add(streams, LogStreams.AUDIT, file.getAudit());
		return streams;
	}

	private static void add(List<StreamFile> streams, String name, Stream stream) {
		if (stream.isEnabled()) {
			streams.add(new StreamFile(name, stream.getMaxFileSize(), (int) stream.getMaxHistory().toDays(),
					stream.getTotalSizeCap(), stream.isCompress()));
		}
	}

}
