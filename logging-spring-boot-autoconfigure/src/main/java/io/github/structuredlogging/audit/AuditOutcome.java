package io.github.structuredlogging.audit;

import java.util.Locale;

/**
 * How an audited action ended.
 */
public enum AuditOutcome {

	/** It worked. */
	SUCCESS,

	/** It was tried and failed. */
	FAILURE,

	/** It was not allowed. */
	DENIED;

	private final String value = name().toLowerCase(Locale.ROOT);

	/**
	 * Return the outcome as written in the {@code audit_outcome} field.
	 * @return the outcome in lower case
	 */
	public String value() {
		return this.value;
	}

}
