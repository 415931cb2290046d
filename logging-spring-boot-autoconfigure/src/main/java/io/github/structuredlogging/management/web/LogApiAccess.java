package io.github.structuredlogging.management.web;

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
	 */
	record Decision(boolean allowed, boolean authenticated, @Nullable String principal) {

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
