package io.github.structuredlogging.autoconfigure.alerting;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Rejects alerting property values that cannot work, naming the property in its dashed
 * form. A webhook's URL is never repeated in the message: it may hold a secret.
 */
final class AlertingPropertiesValidator implements Validator {

	// The per-second counts of the event store reach back fifteen minutes.
	private static final Duration MAX_ERROR_RATE_WINDOW = Duration.ofMinutes(15);

	@Override
	public boolean supports(Class<?> type) {
		return AlertingProperties.class.isAssignableFrom(type);
	}

	@Override
	public void validate(Object target, Errors errors) {
		AlertingProperties properties = (AlertingProperties) target;
		positive(properties.getCheckInterval(), "check-interval", errors);
		positive(properties.getCoolDown(), "cool-down", errors);
		AlertingProperties.Webhooks webhooks = properties.getWebhooks();
		urls(webhooks.getCritical(), "webhooks.critical", errors);
		urls(webhooks.getWarning(), "webhooks.warning", errors);
		urls(webhooks.getInfo(), "webhooks.info", errors);
		positive(webhooks.getTimeout(), "webhooks.timeout", errors);
		positive(webhooks.getFirstBackoff(), "webhooks.first-backoff", errors);
		if (webhooks.getMaxAttempts() < 1 || webhooks.getMaxAttempts() > 10) {
			errors.rejectValue("webhooks.max-attempts", "outOfRange", "must be between 1 and 10");
		}
		rule(properties.getErrorRate(), "error-rate", errors);
		Duration window = properties.getErrorRate().getWindow();
		if (window != null && (window.toSeconds() < 1 || window.compareTo(MAX_ERROR_RATE_WINDOW) > 0)) {
			errors.rejectValue("error-rate.window", "outOfRange", "must be between 1s and 15m");
		}
		rule(properties.getVerySlowShare(), "very-slow-share", errors);
		if (properties.getVerySlowShare().getThreshold() > 1) {
			errors.rejectValue("very-slow-share.threshold", "outOfRange", "must be a share between 0 and 1");
		}
		rule(properties.getSecurityAlerts(), "security-alerts", errors);
		rule(properties.getShipperFailing(), "shipper-failing", errors);
		rule(properties.getDroppedEvents(), "dropped-events", errors);
	}

	private static void rule(AlertingProperties.Rule rule, String name, Errors errors) {
		if (rule.getThreshold() < 0 || Double.isNaN(rule.getThreshold())) {
			errors.rejectValue(name + ".threshold", "negative", "must not be negative");
		}
		positive(rule.getWindow(), name + ".window", errors);
		if (rule.getSeverity() == null) {
			errors.rejectValue(name + ".severity", "missing", "must be critical, warning or info");
		}
	}

	private static void urls(List<URI> urls, String field, Errors errors) {
		for (int i = 0; i < urls.size(); i++) {
			URI url = urls.get(i);
			String scheme = (url.getScheme() != null) ? url.getScheme().toLowerCase(Locale.ROOT) : "";
			if (!url.isAbsolute() || url.getHost() == null || !(scheme.equals("http") || scheme.equals("https"))) {
				// Rejected without the value, which Spring Boot's failure report would print.
				errors.reject("invalid",
						"structured-logging.alerts." + field + "[" + i + "] must be an absolute http or https URL");
			}
		}
	}

	private static void positive(@Nullable Duration duration, String field, Errors errors) {
		if (duration == null || duration.isNegative() || duration.isZero()) {
			errors.rejectValue(field, "notPositive", "must be greater than 0");
		}
	}

}
