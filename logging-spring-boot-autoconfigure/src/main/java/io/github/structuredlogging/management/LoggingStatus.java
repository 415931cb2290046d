package io.github.structuredlogging.management;

/**
 * How well logging works, from best to worst.
 */
public enum LoggingStatus {

	/** Everything is written. */
	UP,

	/** Events are written, but something needs attention: disk filling, drops, errors. */
	DEGRADED,

	/** Events are being lost or soon will be. */
	DOWN;

	LoggingStatus worst(LoggingStatus other) {
		return (other.ordinal() > ordinal()) ? other : this;
	}

}
