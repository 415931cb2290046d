package io.github.structuredlogging.autoconfigure.sampling;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Configuration properties for sampling DEBUG and INFO events and limiting bursts of one
 * message. WARN and above, performance lines and audit records are never sampled.
 */
@ConfigurationProperties("structured-logging.sampling")
public class SamplingProperties implements Validator {

	/**
	 * Share of DEBUG and TRACE events kept, from 0 to 1.
	 */
	private double debugRate = 1.0;

	/**
	 * Share of INFO events kept, from 0 to 1.
	 */
	private double infoRate = 1.0;

	/**
	 * Whether to keep or leave out all of a request's sampled events together, decided by
	 * its correlation ID, so that a kept request is whole.
	 */
	private boolean byCorrelationId = false;

	private final Burst burst = new Burst();

	public double getDebugRate() {
		return this.debugRate;
	}

	public void setDebugRate(double debugRate) {
		this.debugRate = debugRate;
	}

	public double getInfoRate() {
		return this.infoRate;
	}

	public void setInfoRate(double infoRate) {
		this.infoRate = infoRate;
	}

	public boolean isByCorrelationId() {
		return this.byCorrelationId;
	}

	public void setByCorrelationId(boolean byCorrelationId) {
		this.byCorrelationId = byCorrelationId;
	}

	public Burst getBurst() {
		return this.burst;
	}

	@Override
	public boolean supports(Class<?> type) {
		return SamplingProperties.class.isAssignableFrom(type);
	}

	@Override
	public void validate(Object target, Errors errors) {
		SamplingProperties properties = (SamplingProperties) target;
		rate(properties.getDebugRate(), "debug-rate", errors);
		rate(properties.getInfoRate(), "info-rate", errors);
		if (properties.getBurst().getMaxPerSecond() < 1) {
			errors.rejectValue("burst.max-per-second", "notPositive", "must be at least 1");
		}
	}

	private static void rate(double rate, String field, Errors errors) {
		if (!(rate >= 0 && rate <= 1)) {
			errors.rejectValue(field, "outOfRange", "must be a share from 0 to 1");
		}
	}

	/**
	 * The limit on bursts of one message.
	 */
	public static class Burst {

		/**
		 * Whether to limit how many events of one logger and message template are written
		 * each second.
		 */
		private boolean enabled = false;

		/**
		 * Events of one logger and message template written each second; the rest of a
		 * burst is counted in one line when it is over.
		 */
		private int maxPerSecond = 100;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public int getMaxPerSecond() {
			return this.maxPerSecond;
		}

		public void setMaxPerSecond(int maxPerSecond) {
			this.maxPerSecond = maxPerSecond;
		}

	}

}
