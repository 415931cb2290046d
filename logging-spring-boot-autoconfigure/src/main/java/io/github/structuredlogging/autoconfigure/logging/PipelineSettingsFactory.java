package io.github.structuredlogging.autoconfigure.logging;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.structuredlogging.api.LogStreams;
import io.github.structuredlogging.autoconfigure.audit.AuditProperties;
import io.github.structuredlogging.autoconfigure.logging.StructuredLoggingProperties.Stream;
import io.github.structuredlogging.autoconfigure.masking.MaskingProperties;
import io.github.structuredlogging.autoconfigure.masking.MaskingSettingsFactory;
import io.github.structuredlogging.json.StackTraceOptions;
import io.github.structuredlogging.logback.FsyncPolicy;
import io.github.structuredlogging.logback.StreamFile;
import io.github.structuredlogging.masking.MaskingEngine;
import io.github.structuredlogging.runtime.PipelineSettings;
import io.github.structuredlogging.shipping.UnshippedFiles;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.validation.ValidationBindHandler;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;
import org.springframework.validation.Validator;

/**
 * Turns the environment into pipeline settings while logging starts, before any bean
 * exists.
 */
final class PipelineSettingsFactory {

	static final String PREFIX = "structured-logging";

	static final String MASKING_PREFIX = "structured-logging.masking";

	static final String AUDIT_PREFIX = "structured-logging.audit";

	/**
	 * The properties the pipeline is built from.
	 *
	 * @param logging the structured logging properties
	 * @param masking the masking properties
	 */
	record PipelineProperties(StructuredLoggingProperties logging, MaskingProperties masking, AuditProperties audit) {

		static PipelineProperties defaults() {
			return new PipelineProperties(new StructuredLoggingProperties(), new MaskingProperties(),
					new AuditProperties());
		}

	}

	private PipelineSettingsFactory() {
	}

	/**
	 * Bind and validate the properties the pipeline needs, with the classes and checks of
	 * the configuration properties beans.
	 * @param environment the environment
	 * @return the properties, {@code null} when structured logging is disabled
	 * @throws org.springframework.boot.context.properties.bind.BindException naming the
	 * property when a value is invalid
	 */
	static @Nullable PipelineProperties bind(Environment environment) {
		Binder binder = Binder.get(environment);
		StructuredLoggingProperties logging = bind(binder, PREFIX, new StructuredLoggingProperties());
		if (!logging.isEnabled()) {
			return null;
		}
		return new PipelineProperties(logging,
				bind(binder, MASKING_PREFIX, new MaskingProperties()),
				binder.bind(AUDIT_PREFIX, Bindable.ofInstance(new AuditProperties())).orElseGet(AuditProperties::new));
	}

	private static <T extends Validator> T bind(Binder binder, String prefix, T properties) {
		BindHandler handler = new ValidationBindHandler(properties);
		binder.bind(prefix, Bindable.ofInstance(properties), handler);
		return properties;
	}

	static PipelineSettings create(PipelineProperties bound, Environment environment) {
		StructuredLoggingProperties properties = bound.logging();
		MaskingProperties masking = bound.masking();
		StructuredLoggingProperties.StackTrace stackTrace = properties.getJson().getStackTrace();
		StructuredLoggingProperties.File file = properties.getFile();
		return new PipelineSettings(properties.getConsole().isEnabled(), properties.getConsole().getFormat(),
				properties.getJson().getLayout(), ServiceIdentityResolver.resolve(properties, environment),
				new StackTraceOptions(stackTrace.isRootCauseFirst(), stackTrace.getMaxDepthPerThrowable(),
						stackTrace.getMaxLength(), stackTrace.getExcludedFrames()),
				directory(file, environment), streams(file, bound.audit()), file.getAsync().getQueueSize(),
				file.getAsync().getMaxFlushTime(), file.getAsync().getMaxWait(), masking.isEnabled() ? new MaskingEngine(MaskingSettingsFactory.of(masking)) : null,
				properties.getStore().isEnabled() ? properties.getStore().getCapacity() : 0,
				(int) properties.getJson().getMaxEventSize().toBytes(), unshipped(file, environment));
	}

	// Registries of shippers that are gone (not saved for longer than the history) hold nothing.
	private static @Nullable UnshippedFiles unshipped(StructuredLoggingProperties.File file, Environment environment) {
		Path directory = directory(file, environment);
		Stream application = file.getApplication();
		return (directory != null && application.isEnabled()) ? new UnshippedFiles(directory, LogStreams.APPLICATION,
				application.getMaxHistory(), Clock.systemUTC()) : null;
	}

	private static @Nullable Path directory(StructuredLoggingProperties.File file, Environment environment) {
		String directory = StringUtils.hasText(file.getDirectory()) ? file.getDirectory()
				: environment.getProperty("logging.file.path");
		return StringUtils.hasText(directory) ? Path.of(directory) : null;
	}

	private static List<StreamFile> streams(StructuredLoggingProperties.File file, AuditProperties audit) {
		List<StreamFile> streams = new ArrayList<>();
		add(streams, LogStreams.APPLICATION, file.getApplication(), FsyncPolicy.NONE, Duration.ZERO);
		add(streams, LogStreams.ERROR, file.getError(), FsyncPolicy.NONE, Duration.ZERO);
		add(streams, LogStreams.PERFORMANCE, file.getPerformance(), FsyncPolicy.NONE, Duration.ZERO);
		add(streams, LogStreams.AUDIT, file.getAudit(), audit.getFsync(), audit.getFsyncInterval());
		return streams;
	}

	private static void add(List<StreamFile> streams, String name, Stream stream, FsyncPolicy fsync,
			Duration fsyncInterval) {
		if (stream.isEnabled()) {
			streams.add(new StreamFile(name, stream.getMaxFileSize(), (int) stream.getMaxHistory().toDays(),
					stream.getTotalSizeCap(), stream.isCompress(), fsync, fsyncInterval));
		}
	}

}
