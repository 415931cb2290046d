package io.github.structuredlogging.autoconfigure.audit;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties for the audit trail.
 */
@ConfigurationProperties("structured-logging.audit")
public class AuditProperties {

	/**
	 * Whether to record audit events in the hash-chained audit stream.
	 */
	private boolean enabled = true;

	/**
	 * Key that turns each record's hash into an HMAC, so that whoever can edit the audit
	 * files cannot recompute the chain. Without it, the chain is plain SHA-256.
	 */
	private @Nullable String signingKey;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public @Nullable String getSigningKey() {
		return this.signingKey;
	}

	public void setSigningKey(@Nullable String signingKey) {
		this.signingKey = signingKey;
	}

}
