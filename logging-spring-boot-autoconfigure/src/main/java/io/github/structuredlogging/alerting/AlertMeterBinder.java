package io.github.structuredlogging.alerting;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Publishes the alerts raised as the counter {@code structured.logging.alerts}, tagged
 * with the rule and the state ({@code firing}, {@code resolved}).
 */
public final class AlertMeterBinder implements MeterBinder {

	/** Name of the counter. */
	public static final String METER_NAME = "structured.logging.alerts";

	private final Alerting alerting;

	/**
	 * Create the binder.
	 * @param alerting the alerting whose counts are published
	 */
	public AlertMeterBinder(Alerting alerting) {
		this.alerting = alerting;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (String rule : this.alerting.ruleNames()) {
			for (String state : new String[] { Alert.FIRING, Alert.RESOLVED }) {
				FunctionCounter.builder(METER_NAME, this.alerting, (alerting) -> alerting.count(rule, state))
					.description("Alerts raised by the structured logging rules")
					.baseUnit("alerts")
					.tag("rule", rule)
					.tag("state", state)
					.register(registry);
			}
		}
	}

}
