package io.github.structuredlogging.json;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import ch.qos.logback.classic.spi.ILoggingEvent;
import io.github.structuredlogging.masking.MaskingEngine;
import io.github.structuredlogging.masking.MaskingJsonGeneratorDecorator;
import net.logstash.logback.composite.AbstractFieldJsonProvider;
import net.logstash.logback.composite.JsonProviders;
import net.logstash.logback.composite.loggingevent.ArgumentsJsonProvider;
import net.logstash.logback.composite.loggingevent.KeyValuePairsJsonProvider;
import net.logstash.logback.composite.loggingevent.LogLevelJsonProvider;
import net.logstash.logback.composite.loggingevent.LoggerNameJsonProvider;
import net.logstash.logback.composite.loggingevent.LoggingEventFormattedTimestampJsonProvider;
import net.logstash.logback.composite.loggingevent.LoggingEventThreadNameJsonProvider;
import net.logstash.logback.composite.loggingevent.LogstashMarkersJsonProvider;
import net.logstash.logback.composite.loggingevent.MdcJsonProvider;
import net.logstash.logback.composite.loggingevent.MessageJsonProvider;
import net.logstash.logback.composite.loggingevent.StackTraceJsonProvider;
import net.logstash.logback.composite.loggingevent.ThrowableClassNameJsonProvider;
import net.logstash.logback.composite.loggingevent.ThrowableMessageJsonProvider;
import net.logstash.logback.encoder.LoggingEventCompositeJsonEncoder;
import net.logstash.logback.stacktrace.ShortenedThrowableConverter;
import org.jspecify.annotations.Nullable;

/**
 * Builds the logstash-logback-encoder encoder that writes events in a {@link JsonLayout},
 * every field named by the {@link LogField} catalogue.
 */
public final class StructuredJsonEncoders {

	/** Version of the Elastic Common Schema the ECS layout follows. */
	public static final String ECS_VERSION = "8.11";

	// Written by the encoder from the event's own data: not scanned. The service fields,
	// from configuration, are written as they are and never reach the masker.
	private static final Set<LogField> TRUSTED = EnumSet.of(LogField.TIMESTAMP, LogField.LEVEL, LogField.LOGGER,
			LogField.THREAD, LogField.ERROR_FINGERPRINT, LogField.LOG_STREAM, LogField.AUDIT_HASH,
			LogField.AUDIT_PREVIOUS_HASH, LogField.EVENT_OUTCOME, LogField.EVENT_KIND, LogField.EVENT_CATEGORY);

	private StructuredJsonEncoders() {
	}

	/**
	 * Create an encoder, not yet started, for the given layout.
	 * @param layout the layout
	 * @param service the service identity written with every event
	 * @param stackTrace how stack traces are written
	 * @param masker masks every value written, {@code null} for no masking
	 * @return the encoder
	 */
	public static LoggingEventCompositeJsonEncoder create(JsonLayout layout, ServiceIdentity service,
			StackTraceOptions stackTrace, @Nullable MaskingEngine masker) {
		LoggingEventCompositeJsonEncoder encoder = new LoggingEventCompositeJsonEncoder();
		encoder.setLineSeparator("UNIX");
		JsonProviders<ILoggingEvent> providers = encoder.getProviders();
		providers.addProvider(timestamp(layout));
		providers.addProvider(named(new LogLevelJsonProvider(), LogField.LEVEL, layout));
		providers.addProvider(named(new LoggerNameJsonProvider(), LogField.LOGGER, layout));
		providers.addProvider(named(new LoggingEventThreadNameJsonProvider(), LogField.THREAD, layout));
		providers.addProvider(named(new MessageJsonProvider(), LogField.MESSAGE, layout));
		providers.addProvider(new StaticFieldsJsonProvider(serviceFields(layout, service)));
		providers.addProvider(new LogStreamJsonProvider(name(LogField.LOG_STREAM, layout)));
		providers.addProvider(mdc(layout));
		providers.addProvider(keyValuePairs(layout));
		if (layout == JsonLayout.ECS) {
			providers.addProvider(new EcsEventFieldsJsonProvider());
		}
		providers.addProvider(new ArgumentsJsonProvider());
		providers.addProvider(new LogstashMarkersJsonProvider());
		providers.addProvider(errorType(layout));
		providers.addProvider(named(new ThrowableMessageJsonProvider(), LogField.ERROR_MESSAGE, layout));
		providers.addProvider(new ErrorFingerprintJsonProvider(name(LogField.ERROR_FINGERPRINT, layout),
				stackTrace.rootCauseFirst(), masker));
		providers.addProvider(stackTrace(layout, stackTrace));
		if (masker != null) {
			encoder.getJsonGeneratorDecorator().addDecorator(masking(masker, layout));
		}
		return encoder;
	}

	// Every string of the event passes the engine, stack traces included; sensitive
	// field names are masked at any depth.
	private static MaskingJsonGeneratorDecorator masking(MaskingEngine masker, JsonLayout layout) {
		Set<String> trusted = TRUSTED.stream()
			.map((field) -> field.nameIn(layout))
			.filter((name) -> name != null)
			.collect(Collectors.toSet());
		return new MaskingJsonGeneratorDecorator(masker, trusted);
	}

	private static LoggingEventFormattedTimestampJsonProvider timestamp(JsonLayout layout) {
		LoggingEventFormattedTimestampJsonProvider provider = new LoggingEventFormattedTimestampJsonProvider();
		provider.setFieldName(name(LogField.TIMESTAMP, layout));
		provider.setTimeZone("UTC");
		return provider;
	}

	private static Map<String, String> serviceFields(JsonLayout layout, ServiceIdentity service) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put(name(LogField.SERVICE_NAME, layout), service.name());
		if (service.version() != null) {
			fields.put(name(LogField.SERVICE_VERSION, layout), service.version());
		}
		fields.put(name(LogField.ENVIRONMENT, layout), service.environment());
		fields.put(name(LogField.HOST_NAME, layout), service.hostName());
		fields.put(name(LogField.SERVICE_INSTANCE_ID, layout), service.instanceId());
		String ecsVersion = LogField.ECS_VERSION.nameIn(layout);
		if (ecsVersion != null) {
			fields.put(ecsVersion, ECS_VERSION);
		}
		return fields;
	}

	private static MdcJsonProvider mdc(JsonLayout layout) {
		MdcJsonProvider provider = new MdcJsonProvider();
		for (LogField field : LogField.values()) {
			for (String key : field.mdcKeys()) {
				String name = name(field, layout);
				if (!name.equals(key)) {
					provider.getMdcKeyFieldNames().put(key, name);
				}
			}
		}
		return provider;
	}

	// The starter logs its fields under their default names; other layouts rename them.
	private static KeyValuePairsJsonProvider keyValuePairs(JsonLayout layout) {
		KeyValuePairsJsonProvider provider = new KeyValuePairsJsonProvider();
		if (layout == JsonLayout.DEFAULT) {
			return provider;
		}
		for (LogField field : LogField.values()) {
			String name = field.nameIn(layout);
			if (field.nameIn(JsonLayout.DEFAULT) != null && name != null && !name.equals(field.key())) {
				provider.getKeyFieldNames().put(field.key(), name);
			}
		}
		// Written in nanoseconds by the ECS provider.
		provider.addExcludeKeyName(LogField.DURATION.key());
		return provider;
	}

	private static ThrowableClassNameJsonProvider errorType(JsonLayout layout) {
		ThrowableClassNameJsonProvider provider = named(new ThrowableClassNameJsonProvider(), LogField.ERROR_TYPE,
				layout);
		provider.setUseSimpleClassName(false);
		return provider;
	}

	private static StackTraceJsonProvider stackTrace(JsonLayout layout, StackTraceOptions options) {
		ShortenedThrowableConverter converter = new ShortenedThrowableConverter();
		converter.setRootCauseFirst(options.rootCauseFirst());
		converter.setMaxDepthPerThrowable(options.maxDepthPerThrowable());
		converter.setMaxLength(options.maxLength());
		converter.setOmitCommonFrames(true);
		converter.setExcludes(options.excludedFrames());
		converter.setLineSeparator("UNIX");
		StackTraceJsonProvider provider = named(new StackTraceJsonProvider(), LogField.STACK_TRACE, layout);
		provider.setThrowableConverter(converter);
		return provider;
	}

	private static <P extends AbstractFieldJsonProvider<ILoggingEvent>> P named(P provider, LogField field,
			JsonLayout layout) {
		provider.setFieldName(name(field, layout));
		return provider;
	}

	private static String name(LogField field, JsonLayout layout) {
		String name = field.nameIn(layout);
		if (name == null) {
			throw new IllegalArgumentException(field + " is not written in the " + layout + " layout");
		}
		return name;
	}

}
