package io.github.structuredlogging.management.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

import io.github.structuredlogging.audit.AuditLogger;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/**
 * Lets in callers that send the configured key in the {@code X-API-Key} header, compared
 * in constant time.
 */
public final class ApiKeyAccess implements LogApiAccess {

	/** The header that carries the key. */
	public static final String HEADER = "X-API-Key";

	/** The principal recorded in the audit trail for callers with the key. */
	public static final String PRINCIPAL = "api-key";

	private final byte[] keyDigest;

	private final Supplier<@Nullable AuditLogger> audit;

	private final KeyFailures failures;

	/**
	 * Create an access check against the given key.
	 * @param key the key
	 * @param audit supplies where wrong keys are recorded, {@code null} for nowhere
	 * @param clock the clock failures are counted by
	 */
	public ApiKeyAccess(String key, Supplier<@Nullable AuditLogger> audit, Clock clock) {
		this.keyDigest = digest(key);
		this.audit = audit;
		this.failures = new KeyFailures(clock);
	}

	/**
	 * Decide on a request. {@value KeyFailures#MAX_FAILURES} wrong keys from one client
	 * address within a minute hold it off, right key or not, until the minute is over.
	 */
	@Override
	public Decision check(HttpServletRequest request) {
		String address = request.getRemoteAddr();
		Duration wait = this.failures.retryAfter(address);
		if (wait != null) {
			return Decision.throttled(wait);
		}
		String given = request.getHeader(HEADER);
		if (given == null) {
			return Decision.unauthenticated();
		}
		// Comparing digests keeps the time independent of the key's length and content.
		if (MessageDigest.isEqual(this.keyDigest, digest(given))) {
			return Decision.allow(PRINCIPAL);
		}
		recordFailure(request, this.failures.failed(address));
		return Decision.unauthenticated();
	}

	private void recordFailure(HttpServletRequest request, int failures) {
		AuditLogger audit = this.audit.get();
		if (audit == null) {
			return;
		}
		String resource = request.getMethod() + " " + request.getRequestURI();
		audit.event("API_KEY_REJECTED").action("access").resource("url", resource).reason("Wrong " + HEADER).denied();
		if (failures == KeyFailures.MAX_FAILURES) {
			audit.event("SECURITY_ALERT")
				.action("throttle_api_key")
				.resource("client_ip", request.getRemoteAddr())
				.reason(failures + " wrong " + HEADER + " headers within " + KeyFailures.WINDOW.toSeconds() + " s")
				.detail("failed_attempts", failures)
				.failure();
		}
	}

	private static byte[] digest(String value) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is required of every Java platform", ex);
		}
	}

}
