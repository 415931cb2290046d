package io.github.structuredlogging.management.fleet;

/**
 * Thrown when the log cluster cannot answer a fleet read: unreachable, or answering with an
 * error. The message names the cluster by its URL without credentials.
 */
public class FleetUnavailableException extends RuntimeException {

	/**
	 * Create an exception with the given message.
	 * @param message what went wrong
	 */
	public FleetUnavailableException(String message) {
		super(message);
	}

}
