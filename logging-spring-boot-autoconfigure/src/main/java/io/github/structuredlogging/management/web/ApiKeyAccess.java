package io.github.structuredlogging.management.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import jakarta.servlet.http.HttpServletRequest;

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

	/**
	 * Create an access check against the given key.
	 * @param key the key
	 */
	public ApiKeyAccess(String key) {
		this.keyDigest = digest(key);
	}

	@Override
	public Decision check(HttpServletRequest request) {
		String given = request.getHeader(HEADER);
		// Comparing digests keeps the time independent of the key's length and content.
		return (given != null && MessageDigest.isEqual(this.keyDigest, digest(given))) ? Decision.allow(PRINCIPAL)
				: Decision.unauthenticated();
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
