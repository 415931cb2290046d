package io.github.structuredlogging.autoconfigure.http;

import java.time.Duration;

import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Rejects HTTP logging property values that cannot work, naming the property in its
 * dashed form.
 */
final class HttpLoggingPropertiesValidator implements Validator {

	@Override
	public boolean supports(Class<?> type) {
		return HttpLoggingProperties.class.isAssignableFrom(type);
	}

	@Override
	public void validate(Object target, Errors errors) {
		HttpLoggingProperties properties = (HttpLoggingProperties) target;
		nonNegative(errors, "normal-threshold", properties.getNormalThreshold());
		nonNegative(errors, "slow-threshold", properties.getSlowThreshold());
		nonNegative(errors, "very-slow-threshold", properties.getVerySlowThreshold());
		if (properties.getSlowThreshold().compareTo(properties.getNormalThreshold()) < 0) {
			errors.rejectValue("slow-threshold", "belowNormal",
					"must not be below structured-logging.http.normal-threshold");
		}
		if (properties.getVerySlowThreshold().compareTo(properties.getSlowThreshold()) < 0) {
			errors.rejectValue("very-slow-threshold", "belowSlow",
					"must not be below structured-logging.http.slow-threshold");
		}
		long bodyBytes = properties.getBody().getMaxSize().toBytes();
		if (bodyBytes < 0 || bodyBytes > Integer.MAX_VALUE) {
			errors.rejectValue("body.max-size", "outOfRange", "must be between 0 and 2GB");
		}
	}

	private static void nonNegative(Errors errors, String field, Duration value) {
		if (value.isNegative()) {
			errors.rejectValue(field, "negative", "must not be negative");
		}
	}

}
