package io.github.structuredlogging.autoconfigure.management;

import java.time.Duration;

import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Rejects log API property values that cannot work, naming the property in its dashed
 * form.
 */
final class LogApiPropertiesValidator implements Validator {

	@Override
	public boolean supports(Class<?> type) {
		return LogApiProperties.class.isAssignableFrom(type);
	}

	@Override
	public void validate(Object target, Errors errors) {
		LogApiProperties properties = (LogApiProperties) target;
		String basePath = properties.getBasePath();
		if (basePath == null || !basePath.matches("/[A-Za-z0-9._~/-]*[A-Za-z0-9._~-]")) {
			errors.rejectValue("base-path", "invalid", "must start with '/', not end with '/' and hold only path characters");
		}
		if (properties.getAuthority() == null || properties.getAuthority().isBlank()) {
			errors.rejectValue("authority", "blank", "must not be blank");
		}
		if (properties.getKey() != null && properties.getKey().length() < 16) {
			errors.rejectValue("key", "tooShort", "must be at least 16 characters");
		}
		LogApiProperties.Health health = properties.getHealth();
		percent(errors, "health.disk-warn-percent", health.getDiskWarnPercent());
		percent(errors, "health.disk-critical-percent", health.getDiskCriticalPercent());
		if (health.getDiskWarnPercent() > health.getDiskCriticalPercent()) {
			errors.rejectValue("health.disk-warn-percent", "aboveCritical",
					"must not be above 'health.disk-critical-percent'");
		}
		LogApiProperties.Stream stream = properties.getStream();
		if (stream.getMaxSubscribers() < 1 || stream.getMaxSubscribers() > 100) {
			errors.rejectValue("stream.max-subscribers", "outOfRange", "must be between 1 and 100");
		}
		if (stream.getQueueCapacity() < 1) {
			errors.rejectValue("stream.queue-capacity", "notPositive", "must be greater than 0");
		}
		positive(errors, "stream.timeout", stream.getTimeout());
		positive(errors, "stream.heartbeat", stream.getHeartbeat());
	}

	private static void percent(Errors errors, String field, int value) {
		if (value < 1 || value > 100) {
			errors.rejectValue(field, "outOfRange", "must be between 1 and 100");
		}
	}

	private static void positive(Errors errors, String field, Duration value) {
		if (value == null || value.isNegative() || value.isZero()) {
			errors.rejectValue(field, "notPositive", "must be greater than 0");
		}
	}

}
