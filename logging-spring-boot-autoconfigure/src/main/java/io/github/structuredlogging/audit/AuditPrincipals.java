package io.github.structuredlogging.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;

/**
 * The principal an audit record names for a Spring Security authentication: the user's
 * name, never a credential.
 */
public final class AuditPrincipals {

	private AuditPrincipals() {
	}

	/**
	 * Return the principal to record for an authentication. A bearer token authenticates
	 * under a name that is the token itself; it is recorded as a fingerprint that lets its
	 * failures be counted together and cannot be used.
	 * @param authentication the authentication
	 * @return the principal
	 */
	public static @Nullable String of(Authentication authentication) {
		String name = authentication.getName();
		if (name == null) {
			return null;
		}
		Object credentials = authentication.getCredentials();
		boolean nameIsCredential = (credentials != null && name.equals(credentials.toString()))
				|| authentication.getClass().getSimpleName().equals("BearerTokenAuthenticationToken");
		return nameIsCredential ? fingerprint(name) : AuditTrail.capped(name);
	}

	private static String fingerprint(String token) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
			return "token-sha256:" + HexFormat.of().formatHex(digest, 0, 6);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

}
