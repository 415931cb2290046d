package io.github.structuredlogging.autoconfigure.shipping;

import java.net.URI;
import java.time.Duration;

import io.github.structuredlogging.shipping.loki.LokiLabels;
import org.jspecify.annotations.Nullable;

import org.springframework.util.ClassUtils;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Rejects shipping property values that cannot work, naming the property in its dashed
 * form.
 */
final class ShippingPropertiesValidator implements Validator {

	/** The longest an event may wait for its batch: events reach the backend within seconds. */
	static final Duration MAX_BATCH_TIMEOUT = Duration.ofSeconds(60);

	private static final String LOKI_PROTOBUF = "com.github.loki4j.pkg.loki.protobuf.Push";

	private static final String SNAPPY = "org.xerial.snappy.Snappy";

	@Override
	public boolean supports(Class<?> type) {
		return ShippingProperties.class.isAssignableFrom(type);
	}

	@Override
	public void validate(Object target, Errors errors) {
		ShippingProperties properties = (ShippingProperties) target;
		positive(properties.getDrainTimeout(), "drain-timeout", errors);
		positive(properties.getMaxLag(), "max-lag", errors);
		if (properties.getQueueSize() < 1) {
			errors.rejectValue("queue-size", "notPositive", "must be at least 1");
		}
		httpApi(properties.getElasticsearch(), "elasticsearch", errors);
		ShippingProperties.Loki loki = properties.getLoki();
		httpApi(loki, "loki", errors);
		for (String label : loki.getLabels()) {
			String refusal = LokiLabels.refusal(label);
			if (refusal != null) {
				errors.rejectValue("loki.labels", "highCardinality", refusal);
			}
		}
		backend(properties.getOtlp(), "otlp", errors);
		url(properties.getOtlp().getEndpoint(), "otlp.endpoint", errors);
		if (loki.getFormat() == ShippingProperties.Loki.Format.PROTOBUF
				&& !(ClassUtils.isPresent(LOKI_PROTOBUF, null) && ClassUtils.isPresent(SNAPPY, null))) {
			errors.rejectValue("loki.format", "missingLibrary",
					"'protobuf' needs com.github.loki4j:loki-protobuf and org.xerial.snappy:snappy-java on the classpath");
		}
		ShippingProperties.Tcp tcp = properties.getTcp();
		backend(tcp, "tcp", errors);
		for (String destination : tcp.getDestinations()) {
			try {
				ShippingProperties.Tcp.address(destination);
			}
			catch (IllegalArgumentException ex) {
				errors.rejectValue("tcp.destinations", "notHostAndPort", ex.getMessage() + ": use host:port");
			}
		}
		if (loki.getMaxLineSize().toBytes() < 1024 || loki.getMaxLineSize().toBytes() > Integer.MAX_VALUE) {
			errors.rejectValue("loki.max-line-size", "outOfRange", "must be between 1KB and 2GB");
		}
	}

	private static void httpApi(ShippingProperties.HttpApi api, String prefix, Errors errors) {
		backend(api, prefix, errors);
		url(api.getUrl(), prefix + ".url", errors);
		if (api.getPassword() != null && api.getUsername() == null) {
			errors.rejectValue(prefix + ".username", "missing", "must be set when " + prefix + ".password is");
		}
	}

	private static void backend(ShippingProperties.Backend backend, String prefix, Errors errors) {
		if (backend.getBatchSize() < 1 || backend.getBatchSize() > 100_000) {
			errors.rejectValue(prefix + ".batch-size", "outOfRange", "must be between 1 and 100000");
		}
		positive(backend.getBatchTimeout(), prefix + ".batch-timeout", errors);
		if (backend.getBatchTimeout().compareTo(MAX_BATCH_TIMEOUT) > 0) {
			errors.rejectValue(prefix + ".batch-timeout", "tooLong", "must be at most " + MAX_BATCH_TIMEOUT.toSeconds()
					+ "s");
		}
		positive(backend.getTimeout(), prefix + ".timeout", errors);
		positive(backend.getFirstBackoff(), prefix + ".first-backoff", errors);
		if (backend.getMaxBackoff().compareTo(backend.getFirstBackoff()) < 0) {
			errors.rejectValue(prefix + ".max-backoff", "tooShort", "must not be shorter than " + prefix
					+ ".first-backoff");
		}
	}

	private static void url(@Nullable URI url, String property, Errors errors) {
		if (url == null) {
			return;
		}
		String scheme = url.getScheme();
		if (!("http".equals(scheme) || "https".equals(scheme)) || url.getHost() == null) {
			errors.rejectValue(property, "notHttp", "must be an http:// or https:// URL with a host");
		}
	}

	private static void positive(Duration duration, String property, Errors errors) {
		if (duration.isNegative() || duration.isZero()) {
			errors.rejectValue(property, "notPositive", "must be greater than 0");
		}
	}

}
