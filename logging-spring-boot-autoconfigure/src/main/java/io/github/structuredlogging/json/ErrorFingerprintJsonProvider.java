package io.github.structuredlogging.json;

import java.util.ArrayList;
import java.util.List;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import io.github.structuredlogging.api.Masker;
import net.logstash.logback.composite.AbstractFieldJsonProvider;
import org.jspecify.annotations.Nullable;
import org.slf4j.event.KeyValuePair;
import tools.jackson.core.JsonGenerator;

/**
 * Writes the {@link ErrorFingerprint} of an event's exception, or of the exception a
 * performance line names without its stack trace, so that a log cluster can group errors
 * by it. The message is masked before it is templated: no secret goes into the hash.
 */
final class ErrorFingerprintJsonProvider extends AbstractFieldJsonProvider<ILoggingEvent> {

	private final boolean rootCauseFirst;

	private final @Nullable Masker masker;

	ErrorFingerprintJsonProvider(String fieldName, boolean rootCauseFirst, @Nullable Masker masker) {
		setFieldName(fieldName);
		this.rootCauseFirst = rootCauseFirst;
		this.masker = masker;
	}

	@Override
	public void writeTo(JsonGenerator generator, ILoggingEvent event) {
		String fingerprint = fingerprint(event);
		if (fingerprint != null) {
			generator.writeStringProperty(getFieldName(), fingerprint);
		}
	}

	private @Nullable String fingerprint(ILoggingEvent event) {
		IThrowableProxy thrown = event.getThrowableProxy();
		if (thrown != null) {
			String message = (thrown.getMessage() != null) ? thrown.getMessage() : event.getFormattedMessage();
			return ErrorFingerprint.of(thrown.getClassName(), ErrorFingerprint.applicationFrame(frames(thrown)),
					masked(message));
		}
		List<KeyValuePair> pairs = event.getKeyValuePairs();
		if (pairs == null) {
			return null;
		}
		String type = null;
		String message = null;
		for (KeyValuePair pair : pairs) {
			if (LogField.ERROR_TYPE.key().equals(pair.key)) {
				type = String.valueOf(pair.value);
			}
			else if (LogField.ERROR_MESSAGE.key().equals(pair.key)) {
				message = String.valueOf(pair.value);
			}
		}
		return (type != null) ? ErrorFingerprint.of(type, "",
				masked((message != null) ? message : event.getFormattedMessage())) : null;
	}

	// The frames written first: the root cause's when it comes first, else the exception's.
	private List<String> frames(IThrowableProxy thrown) {
		IThrowableProxy written = thrown;
		while (this.rootCauseFirst && written.getCause() != null && written.getCause() != written) {
			written = written.getCause();
		}
		List<String> methods = new ArrayList<>();
		for (StackTraceElementProxy frame : written.getStackTraceElementProxyArray()) {
			StackTraceElement element = frame.getStackTraceElement();
			methods.add(element.getClassName() + "." + element.getMethodName());
		}
		return methods;
	}

	private String masked(@Nullable String message) {
		String text = String.valueOf(message);
		return (this.masker != null) ? this.masker.mask(text) : text;
	}

}
