package io.github.structuredlogging.logback;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.core.spi.ContextAwareBase;
import io.github.structuredlogging.json.JsonLayout;
import io.github.structuredlogging.json.ServiceIdentity;
import io.github.structuredlogging.json.StackTraceOptions;
import io.github.structuredlogging.masking.Masker;
import io.github.structuredlogging.masking.MaskingSettings;
import org.jspecify.annotations.Nullable;

/**
 * logback's configuration before Spring Boot takes over: JSON on the console instead of
 * logback's plain-text default, so that even lines logged before
 * {@code SpringApplication.run} are JSON. Steps aside for a logback.xml or
 * logback-test.xml, and when structured logging is disabled.
 */
@ConfiguratorRank(ConfiguratorRank.FALLBACK + 1)
public final class StructuredDefaultConfigurator extends ContextAwareBase implements Configurator {

	private static final List<String> LOGBACK_FILES = List.of("logback-test.xml", "logback.xml");

	@Override
	public ExecutionStatus configure(LoggerContext context) {
		if (hasOwnConfiguration() || "false".equalsIgnoreCase(setting("structured-logging.enabled"))) {
			return ExecutionStatus.INVOKE_NEXT_IF_ANY;
		}
		String name = setting("spring.application.name");
		String environment = setting("structured-logging.environment");
		ServiceIdentity service = new ServiceIdentity((name != null) ? name : ServiceIdentity.UNKNOWN_SERVICE, null,
				(environment != null) ? environment : "default", ServiceIdentity.localHostName());
		ConsoleFormat format = "text".equalsIgnoreCase(setting("structured-logging.console.format"))
				? ConsoleFormat.TEXT : ConsoleFormat.JSON;
		PipelineSettings settings = new PipelineSettings(true, format, JsonLayout.DEFAULT, service,
				new StackTraceOptions(false, 64, 16384, List.of()), null, List.of(), 1, Duration.ZERO,
				new Masker(MaskingSettings.defaults()), 0);
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

	// Read as Spring Boot would from a system property or an environment variable
	// (STRUCTURED_LOGGING_ENABLED or STRUCTUREDLOGGING_ENABLED).
	private static @Nullable String setting(String property) {
		String value = System.getProperty(property);
		String variable = property.replace('.', '_').toUpperCase(Locale.ROOT);
		if (value == null) {
			value = System.getenv(variable.replace('-', '_'));
		}
		if (value == null) {
			value = System.getenv(variable.replace("-", ""));
		}
		return (value != null && !value.isBlank()) ? value : null;
	}

}
