package io.github.structuredlogging.api;

import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/**
 * The correlation ID of the work the current thread is doing, for code outside HTTP
 * requests such as message consumers and batch jobs.
 *
 * <pre>{@code
 * try (CorrelationId.Scope scope = CorrelationId.open(message.getHeader("correlation-id"))) {
 *     log.info("Processing message");   // carries correlation_id
 * }
 * }</pre>
 */
public final class CorrelationId {

	/** MDC key, and JSON field, of the correlation ID. */
	public static final String MDC_KEY = "correlation_id";

	/** Longest correlation ID accepted. */
	public static final int MAX_LENGTH = 128;

	private static final CorrelationIdGenerator NEW_IDS = CorrelationIdGenerator.randomUuids();

	private CorrelationId() {
	}

	/**
	 * Return the correlation ID of the current thread.
	 * @return the ID, or {@code null} when there is none
	 */
	public static @Nullable String current() {
		return MDC.get(MDC_KEY);
	}

	/**
	 * Open a scope with the given ID, or with a new one when the given ID is missing or not
	 * a valid correlation ID.
	 * @param id the ID to use
	 * @return the scope, which restores the previous ID when closed
	 */
	public static Scope open(@Nullable String id) {
		return new Scope(isValid(id) ? id : newId());
	}

	/**
	 * Open a scope with a new random ID.
	 * @return the scope, which restores the previous ID when closed
	 */
	public static Scope openNew() {
		return new Scope(newId());
	}

	/**
	 * Return whether the given value can be used as a correlation ID: 1 to 128 characters
	 * of {@code [A-Za-z0-9._:-]}. Anything else could forge log lines or break parsers.
	 * @param id the value
	 * @return whether it is valid
	 */
	public static boolean isValid(@Nullable String id) {
		if (id == null || id.isEmpty() || id.length() > MAX_LENGTH) {
			return false;
		}
		for (int i = 0; i < id.length(); i++) {
			char c = id.charAt(i);
			boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.'
					|| c == '_' || c == ':' || c == '-';
			if (!allowed) {
				return false;
			}
		}
		return true;
	}

	private static String newId() {
		return NEW_IDS.generate();
	}

	/**
	 * A correlation ID in force on the current thread until closed.
	 */
	public static final class Scope implements AutoCloseable {

		private final String id;

		private final @Nullable String previous;

		private Scope(String id) {
			this.id = id;
			this.previous = MDC.get(MDC_KEY);
			MDC.put(MDC_KEY, id);
		}

		/**
		 * Return the ID of this scope.
		 * @return the ID
		 */
		public String id() {
			return this.id;
		}

		/**
		 * Restore the ID that was in force before this scope.
		 */
		@Override
		public void close() {
			if (this.previous != null) {
				MDC.put(MDC_KEY, this.previous);
			}
			else {
				MDC.remove(MDC_KEY);
			}
		}

	}

}
