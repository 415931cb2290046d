package io.github.structuredlogging.shipping;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * A batch that a backend did not take and that is sent again later: the backend was
 * unreachable, answered with an error, or asked to slow down.
 */
public class ShippingException extends Exception {

	private final @Nullable Duration retryAfter;

	/**
	 * Create an exception.
	 * @param message what went wrong, without credentials
	 */
	public ShippingException(String message) {
		this(message, (Duration) null);
	}

	/**
	 * Create an exception for a backend that said how long to wait.
	 * @param message what went wrong, without credentials
	 * @param retryAfter how long the backend asked to wait, {@code null} when it did not
	 */
	public ShippingException(String message, @Nullable Duration retryAfter) {
		super(message);
		this.retryAfter = retryAfter;
	}

	/**
	 * Create an exception for a failure with a cause.
	 * @param message what went wrong, without credentials
	 * @param cause the cause
	 */
	public ShippingException(String message, Throwable cause) {
		super(message, cause);
		this.retryAfter = null;
	}

	/**
	 * Return how long the backend asked to wait before the next attempt.
	 * @return the wait, {@code null} when it did not ask
	 */
	public @Nullable Duration retryAfter() {
		return this.retryAfter;
	}

}
