package io.github.structuredlogging.autoconfigure.audit;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.jspecify.annotations.Nullable;

import org.springframework.util.ClassUtils;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Rejects audit property values that cannot work, naming the property in its dashed form.
 */
final class AuditPropertiesValidator implements Validator {

	private static final String GEOIP_READER = "com.maxmind.geoip2.DatabaseReader";

	/** The HMAC-SHA256 key size: a shorter key is easier to guess than the hash is to break. */
	static final int MIN_SIGNING_KEY_BYTES = 32;

	@Override
	public boolean supports(Class<?> type) {
		return AuditProperties.class.isAssignableFrom(type);
	}

	@Override
	public void validate(Object target, Errors errors) {
		AuditProperties properties = (AuditProperties) target;
		if (properties.getBruteForce().getMaxFailures() < 1) {
			errors.rejectValue("brute-force.max-failures", "notPositive", "must be at least 1");
		}
		if (properties.getBruteForce().getWindow().isNegative() || properties.getBruteForce().getWindow().isZero()) {
			errors.rejectValue("brute-force.window", "notPositive", "must be greater than 0");
		}
		String signingKey = properties.getSigningKey();
		if (signingKey != null && signingKey.getBytes(StandardCharsets.UTF_8).length < MIN_SIGNING_KEY_BYTES) {
			// An empty key would quietly leave the chain unsigned.
			errors.rejectValue("signing-key", "tooShort", "must be at least " + MIN_SIGNING_KEY_BYTES
					+ " bytes; leave it unset for a plain SHA-256 chain");
		}
		geoip(properties.getGeoip().getDatabase(), "geoip.database", errors);
		geoip(properties.getGeoip().getAsnDatabase(), "geoip.asn-database", errors);
		if (properties.getGeoip().getAsnDatabase() != null && properties.getGeoip().getDatabase() == null) {
			errors.rejectValue("geoip.database", "missing", "must be set when geoip.asn-database is");
		}
		if (properties.getFsyncInterval().isNegative() || properties.getFsyncInterval().isZero()) {
			errors.rejectValue("fsync-interval", "notPositive", "must be greater than 0");
		}
	}

	private static void geoip(@Nullable Path database, String property, Errors errors) {
		if (database == null) {
			return;
		}
		if (!ClassUtils.isPresent(GEOIP_READER, AuditPropertiesValidator.class.getClassLoader())) {
			errors.rejectValue(property, "noReader", "needs com.maxmind.geoip2:geoip2 on the classpath");
		}
		else if (!Files.isRegularFile(database) || !Files.isReadable(database)) {
			errors.rejectValue(property, "unreadable", "is not a readable file");
		}
	}

}
