package io.github.structuredlogging.management.web;

import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/**
 * Decides who may call the log API. Define a bean of this type to decide differently.
 */
@FunctionalInterface
public interface LogApiAccess {

	/**
	 * Decide whether the request may be served.
	 * @param request the request
	 * @return the decision
	 */
	Decision check(HttpServletRequest request);

	/**
	 * The outcome of a check.
	 *
	 * @param allowed whether the request may be served
	 * @param authenticated whether the caller is known, which makes a refusal 403 rather
	 * than 401
	 * @param principal who the caller is, for the audit trail
	 * @param retryAfter how long a caller refused for failing too often must wait,
	 * {@code null} otherwise
	 */
	record Decision(boolean allowed, boolean authenticated, @Nullable String principal,
			@Nullable Duration retryAfter) {

		/**
		 * Create a decision that does not ask the caller to wait.
		 * @param allowed whether the request may be served
		 * @param authenticated whether the caller is known
		 * @param principal who the caller is
		 */
		public Decision(boolean allowed, boolean authenticated, @Nullable String principal) {
			this(allowed, authenticated, principal, null);
		}

		/**
		 * Refuse a caller that has failed too often, until the given time has passed.
		 * @param retryAfter how long to wait
		 * @return the decision
		 */
		public static Decision throttled(Duration retryAfter) {
			return new Decision(false, false, null, retryAfter);
		}

		/**
		 * Allow a known caller.
		 * @param principal who the caller is
		 * @return the decision
		 */
		public static Decision allow(@Nullable String principal) {
			return new Decision(true, true, principal);
		}

		/**
		 * Refuse a known caller.
		 * @param principal who the caller is
		 * @return the decision
		 */
		public static Decision forbid(@Nullable String principal) {
			return new Decision(false, true, principal);
		}

		/**
		 * Refuse an unknown caller.
		 * @return the decision
		 */
		public static Decision unauthenticated() {
			return new Decision(false, false, null);
		}

	}

}
