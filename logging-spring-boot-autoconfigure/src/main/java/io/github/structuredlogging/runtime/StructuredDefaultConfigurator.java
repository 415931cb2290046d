package io.github.structuredlogging.runtime;

import java.time.Duration;
import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.core.spi.ContextAwareBase;
import io.github.structuredlogging.json.JsonLayout;
import io.github.structuredlogging.json.ServiceIdentity;
import io.github.structuredlogging.json.StackTraceOptions;
import io.github.structuredlogging.logback.ConsoleFormat;
import io.github.structuredlogging.masking.MaskingEngine;
import io.github.structuredlogging.masking.MaskingSettings;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.StandardEnvironment;

/**
 * logback's configuration before Spring Boot takes over: JSON with built-in defaults on
 * the console instead of logback's plain-text default, so that even lines logged before
 * {@code SpringApplication.run} are JSON. Spring Boot replaces it with the configured
 * pipeline as soon as it configures logging. Steps aside for a logback.xml or
 * logback-test.xml, and when structured logging is disabled.
 */
@ConfiguratorRank(ConfiguratorRank.FALLBACK + 1)
public final class StructuredDefaultConfigurator extends ContextAwareBase implements Configurator {

	private static final List<String> LOGBACK_FILES = List.of("logback-test.xml", "logback.xml");

	// Few lines are logged before Spring Boot configures logging, which stops this
	// pipeline (writing out its queue) when it does.
	private static final int PRE_BOOT_QUEUE_SIZE = 1024;

	private static final Duration PRE_BOOT_MAX_FLUSH_TIME = Duration.ofSeconds(1);

	@Override
	public ExecutionStatus configure(LoggerContext context) {
		if (hasOwnConfiguration() || !enabled()) {
			return ExecutionStatus.INVOKE_NEXT_IF_ANY;
		}
		ServiceIdentity service = new ServiceIdentity(ServiceIdentity.UNKNOWN_SERVICE, null, "default",
				ServiceIdentity.localHostName());
		PipelineSettings settings = new PipelineSettings(true, ConsoleFormat.JSON, JsonLayout.DEFAULT, service,
				new StackTraceOptions(false, 64, 16384, List.of()), null, List.of(), PRE_BOOT_QUEUE_SIZE,
				PRE_BOOT_MAX_FLUSH_TIME, PRE_BOOT_MAX_FLUSH_TIME,
				new MaskingEngine(MaskingSettings.defaults()), 0, (int) PipelineSettings.DEFAULT_MAX_EVENT_SIZE.toBytes(), null);
		context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.INFO);
		new StructuredLogbackPipeline(context, settings).attach(null);
		return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
	}

	private static boolean hasOwnConfiguration() {
		if (System.getProperty("logback.configurationFile") != null) {
			return true;
		}
		ClassLoader classLoader = StructuredDefaultConfigurator.class.getClassLoader();
		return LOGBACK_FILES.stream().anyMatch((file) -> classLoader.getResource(file) != null);
	}

	// Only system properties and environment variables exist this early; Spring Boot's
	// binder reads them with its relaxed rules (STRUCTURED_LOGGING_ENABLED=false).
	private static boolean enabled() {
		return Binder.get(new StandardEnvironment()).bind("structured-logging.enabled", Boolean.class).orElse(true);
	}

}
