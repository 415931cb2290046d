package io.github.structuredlogging.audit;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Records audit events from application code: API-key use, token refreshes and
 * revocations, scope and configuration changes, anything security-relevant.
 *
 * <pre>{@code
 * auditLogger.event("CONFIG_CHANGED")
 *     .action("update")
 *     .resource("feature-flag", "checkout-v2")
 *     .detail("old_value", false)
 *     .detail("new_value", true)
 *     .success();
 * }</pre>
 */
public final class AuditLogger {

	private final AuditTrail trail;

	/**
	 * Create a logger that records into the given trail.
	 * @param trail the trail
	 */
	public AuditLogger(AuditTrail trail) {
		this.trail = trail;
	}

	/**
	 * Start an audit event of the given type.
	 * @param event the event type, such as {@code API_KEY_USED}
	 * @return a builder for the event
	 */
	public Builder event(String event) {
		return new Builder(this.trail, event);
	}

	/**
	 * Builds one audit event; recording it ends the builder's use.
	 */
	public static final class Builder {

		private final AuditTrail trail;

		private final String event;

		private @Nullable String action;

		private @Nullable String principal;

		private @Nullable String resourceType;

		private @Nullable String resourceId;

		private @Nullable String reason;

		private final Map<String, @Nullable Object> details = new LinkedHashMap<>();

		private Builder(AuditTrail trail, String event) {
			this.trail = trail;
			this.event = event;
		}

		public Builder action(String action) {
			this.action = action;
			return this;
		}

		public Builder principal(@Nullable String principal) {
			this.principal = principal;
			return this;
		}

		public Builder resource(String type, @Nullable String id) {
			this.resourceType = type;
			this.resourceId = id;
			return this;
		}

		public Builder reason(@Nullable String reason) {
			this.reason = reason;
			return this;
		}

		public Builder detail(String name, @Nullable Object value) {
			this.details.put(name, value);
			return this;
		}

		/**
		 * Record the event as a success.
		 * @return its sequence number
		 */
		public long success() {
			return record(AuditOutcome.SUCCESS);
		}

		/**
		 * Record the event as a failure.
		 * @return its sequence number
		 */
		public long failure() {
			return record(AuditOutcome.FAILURE);
		}

		/**
		 * Record the event as denied.
		 * @return its sequence number
		 */
		public long denied() {
			return record(AuditOutcome.DENIED);
		}

		/**
		 * Record the event with the given outcome.
		 * @param outcome how it went
		 * @return its sequence number
		 */
		public long record(AuditOutcome outcome) {
			return this.trail.record(new AuditRecord(this.event, this.action, outcome, this.principal,
					this.resourceType, this.resourceId, this.reason, this.details));
		}

	}

}
