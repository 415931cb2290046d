package io.github.structuredlogging.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

/**
 * The hash of each audit record: SHA-256 of the previous hash and the record's canonical
 * form, or HMAC-SHA256 with a signing key, so that whoever can edit the file cannot
 * recompute the chain.
 */
public final class AuditChain {

	/** The previous hash of the first record. */
	public static final String GENESIS = "0".repeat(64);

	private final byte @Nullable [] signingKey;

	/**
	 * Create a chain.
	 * @param signingKey the HMAC key, {@code null} for plain SHA-256
	 */
	public AuditChain(@Nullable String signingKey) {
		this.signingKey = (signingKey != null && !signingKey.isEmpty())
				? signingKey.getBytes(StandardCharsets.UTF_8) : null;
	}

	/**
	 * Return the hash of a record.
	 * @param previousHash the hash of the record before it
	 * @param canonical the record's canonical form
	 * @return the hash, in lower-case hex
	 */
	public String hash(String previousHash, String canonical) {
		byte[] input = (previousHash + canonical).getBytes(StandardCharsets.UTF_8);
		try {
			if (this.signingKey != null) {
				Mac mac = Mac.getInstance("HmacSHA256");
				mac.init(new SecretKeySpec(this.signingKey, "HmacSHA256"));
				return HexFormat.of().formatHex(mac.doFinal(input));
			}
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(input));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("SHA-256 and HmacSHA256 are part of every Java runtime", ex);
		}
	}

}
