package io.github.structuredlogging.autoconfigure.logging;

import java.time.Duration;

import io.github.structuredlogging.autoconfigure.logging.StructuredLoggingProperties.Stream;

import org.springframework.util.unit.DataSize;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Rejects property values that cannot work, so that start-up fails naming the property.
 * Fields are named in the properties' dashed form, as users write them.
 */
final class StructuredLoggingPropertiesValidator implements Validator {

	// Room for a stack trace at its default length; what one line may take in memory.
	private static final DataSize MIN_EVENT_SIZE = DataSize.ofKilobytes(16);

	private static final DataSize MAX_EVENT_SIZE = DataSize.ofMegabytes(64);

	/** Longest retention a stream may have: seven years. */
	static final long MAX_HISTORY_DAYS = 2555;

	/** Largest store: a million events is already a gigabyte of heap. */
	static final int MAX_STORE_CAPACITY = 1_000_000;

	@Override
	public boolean supports(Class<?> type) {
		return StructuredLoggingProperties.class.isAssignableFrom(type);
	}

	@Override
	public void validate(Object target, Errors errors) {
		StructuredLoggingProperties properties = (StructuredLoggingProperties) target;
		StructuredLoggingProperties.StackTrace stackTrace = properties.getJson().getStackTrace();
		positive(errors, "json.stack-trace.max-depth-per-throwable", stackTrace.getMaxDepthPerThrowable());
		positive(errors, "json.stack-trace.max-length", stackTrace.getMaxLength());
		StructuredLoggingProperties.File file = properties.getFile();
		positive(errors, "file.async.queue-size", file.getAsync().getQueueSize());
		if (file.getAsync().getMaxFlushTime().isNegative()) {
			errors.rejectValue("file.async.max-flush-time", "negative", "must not be negative");
		}
		if (file.getAsync().getMaxWait().isNegative() || file.getAsync().getMaxWait().isZero()) {
			errors.rejectValue("file.async.max-wait", "notPositive", "must be greater than 0");
		}
		DataSize maxEventSize = properties.getJson().getMaxEventSize();
		if (maxEventSize == null || maxEventSize.toBytes() < MIN_EVENT_SIZE.toBytes()
				|| maxEventSize.toBytes() > MAX_EVENT_SIZE.toBytes()) {
			errors.rejectValue("json.max-event-size", "outOfRange", "must be between 16KB and 64MB");
		}
		stream(errors, "file.application", file.getApplication());
		stream(errors, "file.error", file.getError());
		stream(errors, "file.performance", file.getPerformance());
		stream(errors, "file.audit", file.getAudit());
		StructuredLoggingProperties.Store store = properties.getStore();
		if (store.getCapacity() < 1 || store.getCapacity() > MAX_STORE_CAPACITY) {
			errors.rejectValue("store.capacity", "outOfRange", "must be between 1 and " + MAX_STORE_CAPACITY);
		}
		Duration retention = store.getAggregateRetention();
		if (retention == null || retention.toMinutes() < 1 || retention.toHours() > 24) {
			errors.rejectValue("store.aggregate-retention", "outOfRange", "must be between 1m and 24h");
		}
	}

	private void stream(Errors errors, String path, Stream stream) {
		DataSize maxFileSize = stream.getMaxFileSize();
		if (maxFileSize == null || maxFileSize.toBytes() <= 0) {
			errors.rejectValue(path + ".max-file-size", "notPositive", "must be greater than 0");
		}
		Duration maxHistory = stream.getMaxHistory();
		if (maxHistory == null || maxHistory.toDays() < 1 || maxHistory.toDays() > MAX_HISTORY_DAYS) {
			errors.rejectValue(path + ".max-history", "outOfRange",
					"must be between 1 and " + MAX_HISTORY_DAYS + " days");
		}
		DataSize totalSizeCap = stream.getTotalSizeCap();
		if (totalSizeCap == null || totalSizeCap.isNegative()) {
			errors.rejectValue(path + ".total-size-cap", "negative", "must not be negative");
		}
	}

	private void positive(Errors errors, String field, int value) {
		if (value <= 0) {
			errors.rejectValue(field, "notPositive", "must be greater than 0");
		}
	}

}
