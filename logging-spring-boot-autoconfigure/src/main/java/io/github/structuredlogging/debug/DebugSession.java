package io.github.structuredlogging.debug;

import java.time.Instant;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * DEBUG for the requests that match, for a while.
 *
 * @param id the session's ID
 * @param user the authenticated user name the session matches, {@code null} for any
 * @param correlationId the correlation ID the session matches, {@code null} for any
 * @param header the request header the session matches, as {@code Name: value},
 * {@code null} for any
 * @param logger the prefix of the loggers switched to DEBUG, empty for all
 * @param startedAt when it started
 * @param expiresAt when it ends by itself
 * @param startedBy who started it
 */
public record DebugSession(String id, @Nullable String user,
		@JsonProperty("correlation_id") @Nullable String correlationId, @Nullable String header, String logger,
		@JsonProperty("started_at") Instant startedAt, @JsonProperty("expires_at") Instant expiresAt,
		@JsonProperty("started_by") @Nullable String startedBy) {

	public DebugSession {
		Objects.requireNonNull(id, "'id' must not be null");
		Objects.requireNonNull(logger, "'logger' must not be null");
	}

	/**
	 * Return whether a request matches.
	 * @param requestUser the request's authenticated user, {@code null} when anonymous
	 * @param requestCorrelationId the request's correlation ID
	 * @param headers reads a request header by name
	 * @return whether every condition the session names holds
	 */
	boolean matches(@Nullable String requestUser, @Nullable String requestCorrelationId, Headers headers) {
		if (this.user != null && !this.user.equals(requestUser)) {
			return false;
		}
		if (this.correlationId != null && !this.correlationId.equals(requestCorrelationId)) {
			return false;
		}
		if (this.header != null) {
			int colon = this.header.indexOf(':');
			String value = headers.value(this.header.substring(0, colon).strip());
			return this.header.substring(colon + 1).strip().equals(value);
		}
		return true;
	}

	/**
	 * Reads a request's headers.
	 */
	@FunctionalInterface
	interface Headers {

		@Nullable String value(String name);

	}

}
