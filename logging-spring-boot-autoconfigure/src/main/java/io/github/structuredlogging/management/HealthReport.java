package io.github.structuredlogging.management;

import java.util.Map;

/**
 * The health of logging: an overall status and the checks it was derived from.
 *
 * @param status the worst status of the checks
 * @param checks each check's status and facts, by name
 */
public record HealthReport(LoggingStatus status, Map<String, Check> checks) {

	/**
	 * One check.
	 *
	 * @param status the check's status
	 * @param details what the check found
	 */
	public record Check(LoggingStatus status, Map<String, Object> details) {

	}

}
