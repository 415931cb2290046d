package io.github.structuredlogging.autoconfigure.audit;

import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Rejects audit property values that cannot work, naming the property in its dashed form.
 */
final class AuditPropertiesValidator implements Validator {

	@Override
	public boolean supports(Class<?> type) {
		return AuditProperties.class.isAssignableFrom(type);
	}

	@Override
	public void validate(Object target, Errors errors) {
		AuditProperties properties = (AuditProperties) target;
		if (properties.getBruteForce().getMaxFailures() < 1) {
			errors.rejectValue("brute-force.max-failures", "notPositive", "must be at least 1");
		}
		if (properties.getBruteForce().getWindow().isNegative() || properties.getBruteForce().getWindow().isZero()) {
			errors.rejectValue("brute-force.window", "notPositive", "must be greater than 0");
		}
		if (properties.getFsyncInterval().isNegative() || properties.getFsyncInterval().isZero()) {
			errors.rejectValue("fsync-interval", "notPositive", "must be greater than 0");
		}
	}

}
