package io.github.structuredlogging.autoconfigure.audit;

import java.nio.file.Path;
import java.time.Duration;

import io.github.structuredlogging.logback.FsyncPolicy;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Configuration properties for the audit trail.
 */
@ConfigurationProperties("structured-logging.audit")
public class AuditProperties implements Validator {

	private static final Validator VALIDATOR = new AuditPropertiesValidator();

	/**
	 * Whether to record audit events in the hash-chained audit stream.
	 */
	private boolean enabled = true;

	/**
	 * Key that turns each record's hash into an HMAC, so that whoever can edit the audit
	 * files cannot recompute the chain: at least 32 bytes. Without it, the chain is plain
	 * SHA-256.
	 */
	private @Nullable String signingKey;

	/**
	 * When the audit file is forced to disk: 'none' leaves it to the operating system,
	 * 'interval' forces at most once per fsync-interval, 'every-event' after each record.
	 */
	private FsyncPolicy fsync = FsyncPolicy.INTERVAL;

	/**
	 * Interval of the 'interval' fsync policy.
	 */
	private Duration fsyncInterval = Duration.ofSeconds(1);

	private final BruteForce bruteForce = new BruteForce();

	private final Geoip geoip = new Geoip();

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

	public FsyncPolicy getFsync() {
		return this.fsync;
	}

	public void setFsync(FsyncPolicy fsync) {
		this.fsync = fsync;
	}

	public Duration getFsyncInterval() {
		return this.fsyncInterval;
	}

	public void setFsyncInterval(Duration fsyncInterval) {
		this.fsyncInterval = fsyncInterval;
	}

	public Geoip getGeoip() {
		return this.geoip;
	}

	public BruteForce getBruteForce() {
		return this.bruteForce;
	}

	@Override
	public boolean supports(Class<?> type) {
		return VALIDATOR.supports(type);
	}

	@Override
	public void validate(Object target, Errors errors) {
		VALIDATOR.validate(target, errors);
	}

	/**
	 * Detection of repeated failed logins.
	 */
	public static class BruteForce {

		/**
		 * Failed logins from one client address, or for one user name, that raise a
		 * SECURITY_ALERT audit event.
		 */
		private int maxFailures = 5;

		/**
		 * Time within which failed logins count towards the alert.
		 */
		private Duration window = Duration.ofMinutes(1);

		public int getMaxFailures() {
			return this.maxFailures;
		}

		public void setMaxFailures(int maxFailures) {
			this.maxFailures = maxFailures;
		}

		public Duration getWindow() {
			return this.window;
		}

		public void setWindow(Duration window) {
			this.window = window;
		}

	}

	/**
	 * Where audit records of external client addresses come from.
	 */
	public static class Geoip {

		/**
		 * MaxMind-format database (GeoIP2 or GeoLite2, City or Country) that gives audit
		 * records the country, region and city of external client addresses. Needs
		 * com.maxmind.geoip2:geoip2 on the classpath. Without it, audit records carry no
		 * location.
		 */
		private @Nullable Path database;

		/**
		 * MaxMind-format ASN database that gives audit records the autonomous system of
		 * external client addresses. Without it, audit records carry no autonomous system.
		 */
		private @Nullable Path asnDatabase;

		public @Nullable Path getDatabase() {
			return this.database;
		}

		public void setDatabase(@Nullable Path database) {
			this.database = database;
		}

		public @Nullable Path getAsnDatabase() {
			return this.asnDatabase;
		}

		public void setAsnDatabase(@Nullable Path asnDatabase) {
			this.asnDatabase = asnDatabase;
		}

	}

}
