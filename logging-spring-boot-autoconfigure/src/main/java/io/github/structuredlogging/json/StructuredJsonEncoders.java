package io.github.structuredlogging.json;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import ch.qos.logback.classic.spi.ILoggingEvent;
import io.github.structuredlogging.audit.AuditFields;
import io.github.structuredlogging.masking.MaskingEngine;
import io.github.structuredlogging.masking.MaskingJsonGeneratorDecorator;
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
 * Builds the logstash-logback-encoder encoder that writes events in a {@link JsonLayout}.
 */
public final class StructuredJsonEncoders {

	/** Version of the Elastic Common Schema the ECS layout follows. */
	public static final String ECS_VERSION = "8.11";

	// Micrometer Tracing puts these MDC keys; the layouts rename them.
	private static final String MDC_TRACE_ID = "traceId";

	private static final String MDC_SPAN_ID = "spanId";

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
		JsonFieldNames names = layout.fieldNames();
		LoggingEventCompositeJsonEncoder encoder = new LoggingEventCompositeJsonEncoder();
		encoder.setLineSeparator("UNIX");
		JsonProviders<ILoggingEvent> providers = encoder.getProviders();
		providers.addProvider(timestamp(names));
		providers.addProvider(named(new LogLevelJsonProvider(), names.level()));
		providers.addProvider(named(new LoggerNameJsonProvider(), names.logger()));
		providers.addProvider(named(new LoggingEventThreadNameJsonProvider(), names.thread()));
		providers.addProvider(named(new MessageJsonProvider(), names.message()));
		providers.addProvider(new StaticFieldsJsonProvider(serviceFields(layout, names, service)));
		providers.addProvider(new LogStreamJsonProvider(names.logStream()));
		providers.addProvider(mdc(names));
		providers.addProvider(new KeyValuePairsJsonProvider());
		providers.addProvider(new ArgumentsJsonProvider());
		providers.addProvider(new LogstashMarkersJsonProvider());
		providers.addProvider(errorType(names));
		providers.addProvider(named(new ThrowableMessageJsonProvider(), names.errorMessage()));
		providers.addProvider(stackTrace(names, stackTrace));
		if (masker != null) {
			encoder.getJsonGeneratorDecorator().addDecorator(masking(masker, names));
		}
		return encoder;
	}

	// Every string of the event passes the engine, stack traces included; sensitive
	// field names are masked at any depth.
	private static MaskingJsonGeneratorDecorator masking(MaskingEngine masker, JsonFieldNames names) {
		return new MaskingJsonGeneratorDecorator(masker, trustedFields(names));
	}

	// Written by the encoder from the event's own data or from configuration: not scanned.
	private static Set<String> trustedFields(JsonFieldNames names) {
		return Set.of(names.timestamp(), names.level(), names.logger(), names.thread(), names.serviceName(),
				names.serviceVersion(), names.environment(), names.hostName(), names.logStream(), "ecs.version",
				AuditFields.HASH, AuditFields.PREVIOUS_HASH);
	}

	private static LoggingEventFormattedTimestampJsonProvider timestamp(JsonFieldNames names) {
		LoggingEventFormattedTimestampJsonProvider provider = new LoggingEventFormattedTimestampJsonProvider();
		provider.setFieldName(names.timestamp());
		provider.setTimeZone("UTC");
		return provider;
	}

	private static Map<String, String> serviceFields(JsonLayout layout, JsonFieldNames names,
			ServiceIdentity service) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put(names.serviceName(), service.name());
		if (service.version() != null) {
			fields.put(names.serviceVersion(), service.version());
		}
		fields.put(names.environment(), service.environment());
		fields.put(names.hostName(), service.hostName());
		if (layout == JsonLayout.ECS) {
			fields.put("ecs.version", ECS_VERSION);
		}
		return fields;
	}

	private static MdcJsonProvider mdc(JsonFieldNames names) {
		MdcJsonProvider provider = new MdcJsonProvider();
		provider.getMdcKeyFieldNames().put(MDC_TRACE_ID, names.traceId());
		provider.getMdcKeyFieldNames().put(MDC_SPAN_ID, names.spanId());
		provider.getMdcKeyFieldNames().put(JsonFieldNames.DEFAULT.traceId(), names.traceId());
		provider.getMdcKeyFieldNames().put(JsonFieldNames.DEFAULT.spanId(), names.spanId());
		return provider;
	}

	private static ThrowableClassNameJsonProvider errorType(JsonFieldNames names) {
		ThrowableClassNameJsonProvider provider = named(new ThrowableClassNameJsonProvider(), names.errorType());
		provider.setUseSimpleClassName(false);
		return provider;
	}

	private static StackTraceJsonProvider stackTrace(JsonFieldNames names, StackTraceOptions options) {
		ShortenedThrowableConverter converter = new ShortenedThrowableConverter();
		converter.setRootCauseFirst(options.rootCauseFirst());
		converter.setMaxDepthPerThrowable(options.maxDepthPerThrowable());
		converter.setMaxLength(options.maxLength());
		converter.setOmitCommonFrames(true);
		converter.setExcludes(options.excludedFrames());
		converter.setLineSeparator("UNIX");
		StackTraceJsonProvider provider = named(new StackTraceJsonProvider(), names.stackTrace());
		provider.setThrowableConverter(converter);
		return provider;
	}

	private static <P extends net.logstash.logback.composite.AbstractFieldJsonProvider<ILoggingEvent>> P named(
			P provider, String fieldName) {
		provider.setFieldName(fieldName);
		return provider;
	}

}
