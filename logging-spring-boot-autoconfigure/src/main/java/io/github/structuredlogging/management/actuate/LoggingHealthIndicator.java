package io.github.structuredlogging.management.actuate;

import io.github.structuredlogging.management.HealthReport;
import io.github.structuredlogging.management.LogManagement;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * Reports the health of logging in {@code /actuator/health} as {@code logging}.
 * {@code DEGRADED} is a status of its own: add it to
 * {@code management.endpoint.health.status.order} for it to affect the overall status.
 */
public final class LoggingHealthIndicator implements HealthIndicator {

	/** The status reported when logging works but needs attention. */
	public static final Status DEGRADED = new Status("DEGRADED");

	private final LogManagement management;

	/**
	 * Create an indicator reading the given operations.
	 * @param management the operations
	 */
	public LoggingHealthIndicator(LogManagement management) {
		this.management = management;
	}

	@Override
	public Health health() {
		HealthReport report = this.management.health();
		Status status = switch (report.status()) {
			case UP -> Status.UP;
			case DEGRADED -> DEGRADED;
			case DOWN -> Status.DOWN;
		};
		return Health.status(status).withDetails(report.checks()).build();
	}

}
