package io.github.structuredlogging.benchmarks.jmh;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.encoder.Encoder;
import io.github.structuredlogging.json.JsonLayout;
import io.github.structuredlogging.json.ServiceIdentity;
import io.github.structuredlogging.json.StackTraceOptions;
import io.github.structuredlogging.json.StructuredJsonEncoders;
import io.github.structuredlogging.logback.ConsoleFormat;
import io.github.structuredlogging.logback.DroppedEvents;
import io.github.structuredlogging.logback.StreamFile;
import io.github.structuredlogging.logback.StructuredAsyncAppender;
import io.github.structuredlogging.masking.MaskingEngine;
import io.github.structuredlogging.masking.MaskingSettings;
import io.github.structuredlogging.runtime.PipelineSettings;
import io.github.structuredlogging.runtime.StructuredLogbackPipeline;
import net.logstash.logback.encoder.LogstashEncoder;

import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.util.unit.DataSize;

/**
 * The logging pipelines compared: the same asynchronous appender in front of the same
 * file appender, with a different encoder each.
 */
final class Pipelines {

	static final ServiceIdentity SERVICE = new ServiceIdentity("orders-service", "1.4.2", "production",
			"orders-7d9f");

	private Pipelines() {
	}

	/**
	 * Build a pipeline and return the logger that feeds it.
	 * @param context a fresh context
	 * @param variant which encoder: starter, starter-full, logstash, logstash-fields, boot,
	 * pattern
	 * @param lossless whether the queue blocks when full (throughput) or drops below WARN
	 * as the starter does by default (caller cost)
	 */
	static final DroppedEvents DROPPED = new DroppedEvents();

	static Logger build(LoggerContext context, String variant, boolean lossless) {
		if ("starter-full".equals(variant)) {
			return full(context, lossless);
		}
		Path file = tempFile(variant);
		FileAppender<ILoggingEvent> appender = new FileAppender<>();
		appender.setContext(context);
		appender.setName("FILE");
		appender.setFile(file.toString());
		appender.setAppend(false);
		Encoder<ILoggingEvent> encoder = encoder(context, variant);
		appender.setEncoder(encoder);
		appender.start();
		System.out.println("bytes per event (" + variant + "): "
				+ encoder.encode(LogEvents.events(context, 1, 0)[0]).length);
		StructuredAsyncAppender async = new StructuredAsyncAppender(DROPPED, 8192,
				Duration.ofSeconds(10), Duration.ofSeconds(10));
		if (lossless) {
			async.setDiscardingThreshold(0);
		}
		async.setContext(context);
		async.addAppender(appender);
		async.start();
		Logger logger = context.getLogger("com.example.orders.OrderService");
		logger.setAdditive(false);
		logger.addAppender(async);
		return logger;
	}

	// The starter's own pipeline as it attaches itself: the application stream file and the
	// in-memory event store behind its asynchronous appender, one encoding per event.
	private static Logger full(LoggerContext context, boolean lossless) {
		Path directory = tempDirectory();
		StreamFile application = new StreamFile("application", DataSize.ofGigabytes(100), 1, DataSize.ofBytes(0),
				false);
		PipelineSettings settings = new PipelineSettings(false, ConsoleFormat.JSON, JsonLayout.DEFAULT, SERVICE,
				new StackTraceOptions(false, 64, 16384, List.of()), directory, List.of(application), 8192,
				Duration.ofSeconds(10), Duration.ofSeconds(10), new MaskingEngine(MaskingSettings.defaults()), 10_000,
				(int) PipelineSettings.DEFAULT_MAX_EVENT_SIZE.toBytes(), null);
		new StructuredLogbackPipeline(context, settings).attach(null);
		if (lossless) {
			((StructuredAsyncAppender) context.getLogger(Logger.ROOT_LOGGER_NAME)
				.getAppender(StructuredLogbackPipeline.WRITER_APPENDER)).setDiscardingThreshold(0);
		}
		return context.getLogger("com.example.orders.OrderService");
	}

	private static Path tempDirectory() {
		try {
			Path directory = Files.createTempDirectory("bench-starter-full-");
			directory.toFile().deleteOnExit();
			directory.resolve("application.json").toFile().deleteOnExit();
			return directory;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static Encoder<ILoggingEvent> encoder(LoggerContext context, String variant) {
		Encoder<ILoggingEvent> encoder = switch (variant) {
			case "starter" -> StructuredJsonEncoders.create(JsonLayout.DEFAULT, SERVICE,
					new StackTraceOptions(false, 64, 16384, List.of()), new MaskingEngine(MaskingSettings.defaults()));
			case "logstash" -> new LogstashEncoder();
			case "logstash-fields" -> logstashWithServiceFields();
			case "boot" -> bootLogstash(context);
			case "pattern" -> pattern();
			default -> throw new IllegalArgumentException(variant);
		};
		encoder.setContext(context);
		encoder.start();
		return encoder;
	}

	// Raw logstash-logback-encoder writing the service fields the starter writes, as its
	// users add them (custom fields): the same information per line, without masking.
	private static LogstashEncoder logstashWithServiceFields() {
		LogstashEncoder encoder = new LogstashEncoder();
		encoder.setCustomFields("{\"service_name\":\"" + SERVICE.name() + "\",\"service_version\":\""
				+ SERVICE.version() + "\",\"environment\":\"" + SERVICE.environment() + "\",\"host_name\":\""
				+ SERVICE.hostName() + "\",\"service_instance_id\":\"" + SERVICE.instanceId()
				+ "\",\"log_stream\":\"application\"}");
		return encoder;
	}

	// Spring Boot's own 'logging.structured.format.file=logstash'.
	private static StructuredLogEncoder bootLogstash(LoggerContext context) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.addFirst(new MapPropertySource("bench", Map.of("spring.application.name", "orders-service")));
		context.putObject(Environment.class.getName(), environment);
		StructuredLogEncoder encoder = new StructuredLogEncoder();
		encoder.setFormat("logstash");
		return encoder;
	}

	private static PatternLayoutEncoder pattern() {
		PatternLayoutEncoder encoder = new PatternLayoutEncoder();
		encoder.setPattern("%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %5p --- [%t] %-40.40logger{39} : %m %kvp%n");
		return encoder;
	}

	private static Path tempFile(String variant) {
		try {
			Path file = Files.createTempFile("bench-" + variant + "-", ".log");
			file.toFile().deleteOnExit();
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
