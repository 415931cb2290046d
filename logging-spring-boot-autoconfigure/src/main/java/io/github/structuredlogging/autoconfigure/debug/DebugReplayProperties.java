package io.github.structuredlogging.autoconfigure.debug;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Configuration properties for keeping a request's DEBUG events back and writing them
 * only when the request fails.
 */
@ConfigurationProperties("structured-logging.debug-replay")
public class DebugReplayProperties implements Validator {

	/**
	 * Whether to keep each request's DEBUG events (below their loggers' levels) and write
	 * them, marked 'debug_replay', when the request ends with a 5xx status or an
	 * exception.
	 */
	private boolean enabled = false;

	/**
	 * Most DEBUG events one request keeps.
	 */
	private int maxEventsPerRequest = 200;

	/**
	 * Most DEBUG events all requests in progress keep together.
	 */
	private int maxEvents = 10_000;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public int getMaxEventsPerRequest() {
		return this.maxEventsPerRequest;
	}

	public void setMaxEventsPerRequest(int maxEventsPerRequest) {
		this.maxEventsPerRequest = maxEventsPerRequest;
	}

	public int getMaxEvents() {
		return this.maxEvents;
	}

	public void setMaxEvents(int maxEvents) {
		this.maxEvents = maxEvents;
	}

	@Override
	public boolean supports(Class<?> type) {
		return DebugReplayProperties.class.isAssignableFrom(type);
	}

	@Override
	public void validate(Object target, Errors errors) {
		DebugReplayProperties properties = (DebugReplayProperties) target;
		if (properties.getMaxEventsPerRequest() < 1 || properties.getMaxEventsPerRequest() > 10_000) {
			errors.rejectValue("max-events-per-request", "outOfRange", "must be between 1 and 10000");
		}
		if (properties.getMaxEvents() < properties.getMaxEventsPerRequest() || properties.getMaxEvents() > 1_000_000) {
			errors.rejectValue("max-events", "outOfRange",
					"must be at least max-events-per-request and at most 1000000");
		}
	}

}
