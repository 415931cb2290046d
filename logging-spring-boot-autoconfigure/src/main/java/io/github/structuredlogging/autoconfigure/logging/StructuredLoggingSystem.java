package io.github.structuredlogging.autoconfigure.logging;

import java.util.ArrayList;
import java.util.List;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import io.github.structuredlogging.runtime.PipelineSettings;
import io.github.structuredlogging.runtime.StructuredLogbackPipeline;
import io.github.structuredlogging.runtime.StructuredLoggingRuntime;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;

import org.springframework.boot.logging.LogFile;
import org.springframework.boot.logging.LoggingInitializationContext;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.logging.LoggingSystemFactory;
import org.springframework.boot.logging.logback.LogbackLoggingSystem;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

/**
 * Spring Boot's logback logging system, with the structured console and stream files in
 * place of Boot's default appenders. An application's own logback configuration file is
 * left alone: it can include {@code io/github/structuredlogging/logback/structured-logging.xml}.
 */
public class StructuredLoggingSystem extends LogbackLoggingSystem {

	private static final String BOOT_CONSOLE_APPENDER = "CONSOLE";

	private static final String BOOT_FILE_APPENDER = "FILE";

	private final List<String> warnings = new ArrayList<>();

	private final List<String> errors = new ArrayList<>();

	private @Nullable RuntimeException invalidProperties;

	private @Nullable StructuredLoggingRuntime runtime;

	public StructuredLoggingSystem(ClassLoader classLoader) {
		super(classLoader);
	}

	@Override
	public void initialize(LoggingInitializationContext initializationContext, @Nullable String configLocation,
			@Nullable LogFile logFile) {
		this.runtime = null;
		super.initialize(initializationContext, configLocation, logFile);
		if (this.runtime == null) {
			this.runtime = StructuredLoggingContextListener.runtimeOf(loggerContext());
		}
		// Logging is suppressed while it is configured: report now that it works.
		org.slf4j.Logger logger = LoggerFactory.getLogger(StructuredLoggingSystem.class);
		this.warnings.forEach(logger::warn);
		this.errors.forEach(logger::error);
		this.warnings.clear();
		this.errors.clear();
		RuntimeException failure = this.invalidProperties;
		this.invalidProperties = null;
		if (failure != null) {
			throw failure;
		}
	}

	@Override
	protected void loadDefaults(LoggingInitializationContext initializationContext, @Nullable LogFile logFile) {
		Environment environment = initializationContext.getEnvironment();
		PipelineSettingsFactory.PipelineProperties properties = (environment != null) ? bind(environment) : null;
		if (environment == null || properties == null) {
			super.loadDefaults(initializationContext, logFile);
			return;
		}
		PipelineSettings settings = PipelineSettingsFactory.create(properties, environment);
		// With only 'logging.file.path', the stream files take the place of spring.log.
		boolean streamsReplaceLogFile = settings.writesFiles()
				&& !StringUtils.hasText(environment.getProperty("logging.file.name"));
		super.loadDefaults(initializationContext, streamsReplaceLogFile ? null : logFile);
		LoggerContext context = loggerContext();
		// Jar names on every stack frame cost a class-loader lookup each on the logging
		// thread, and JSON consumers do not need them.
		context.setPackagingDataEnabled(false);
		Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
		StructuredLogbackPipeline pipeline = new StructuredLogbackPipeline(context, settings);
		replaceBootConsole(root, environment);
		encodeBootFileAsJson(root, environment, pipeline);
		this.runtime = pipeline.attach(context.getProperty("CONSOLE_LOG_THRESHOLD"));
		this.errors.addAll(this.runtime.problems());
	}

	/**
	 * Return the runtime of the structured pipeline, once logging is initialized.
	 * @return the runtime, {@code null} when structured logging is disabled or an own
	 * logback configuration does not include it
	 */
	public @Nullable StructuredLoggingRuntime runtime() {
		return this.runtime;
	}

	// The context is closing or failed to start: what is queued reaches the console and
	// the files before anything else happens.
	@Override
	public void cleanUp() {
		StructuredLoggingRuntime closing = this.runtime;
		if (closing != null) {
			closing.flush(closing.settings().maxFlushTime());
		}
		this.runtime = null;
		super.cleanUp();
	}

	// The logging system owns the logback context, as Spring Boot's own does.
	private static LoggerContext loggerContext() {
		return (LoggerContext) LoggerFactory.getILoggerFactory();
	}

	// A bad value must not leave the application without logs: start with the defaults,
	// then fail start-up once logging works, so the failure report is readable.
	private PipelineSettingsFactory.@Nullable PipelineProperties bind(Environment environment) {
		try {
			return PipelineSettingsFactory.bind(environment);
		}
		catch (RuntimeException ex) {
			this.invalidProperties = ex;
			return PipelineSettingsFactory.PipelineProperties.defaults();
		}
	}

	private void replaceBootConsole(Logger root, Environment environment) {
		detach(root, BOOT_CONSOLE_APPENDER);
		warnIfSet(environment, "logging.structured.format.console", "structured-logging.console.format");
	}

	private void encodeBootFileAsJson(Logger root, Environment environment, StructuredLogbackPipeline pipeline) {
		if (root.getAppender(BOOT_FILE_APPENDER) instanceof OutputStreamAppender<ILoggingEvent> file) {
			file.stop();
			file.setEncoder(pipeline.jsonEncoder());
			file.start();
			warnIfSet(environment, "logging.structured.format.file", "structured-logging.json.layout");
		}
	}

	private void warnIfSet(Environment environment, String bootProperty, String replacement) {
		if (StringUtils.hasText(environment.getProperty(bootProperty))) {
			this.warnings.add("'" + bootProperty + "' is ignored: structured logging formats this output; set '"
					+ replacement + "' instead");
		}
	}

	private static void detach(Logger root, String name) {
		Appender<ILoggingEvent> appender = root.getAppender(name);
		if (appender != null) {
			root.detachAppender(appender);
			appender.stop();
		}
	}

	/**
	 * {@link LoggingSystemFactory} that returns a {@link StructuredLoggingSystem} when
	 * logback is present, ahead of Spring Boot's own logback factory.
	 */
	@Order(Ordered.HIGHEST_PRECEDENCE + 1000)
	public static class Factory implements LoggingSystemFactory {

		private static final boolean PRESENT = ClassUtils.isPresent("ch.qos.logback.classic.LoggerContext",
				Factory.class.getClassLoader());

		@Override
		public @Nullable LoggingSystem getLoggingSystem(ClassLoader classLoader) {
			return PRESENT ? new StructuredLoggingSystem(classLoader) : null;
		}

	}

}
