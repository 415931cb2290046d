package io.github.structuredlogging.autoconfigure.http;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Configuration properties for the performance line of HTTP requests.
 */
@ConfigurationProperties("structured-logging.http")
public class HttpLoggingProperties implements Validator {

	private static final Validator VALIDATOR = new HttpLoggingPropertiesValidator();

	/**
	 * Whether to write one performance line per HTTP request.
	 */
	private boolean enabled = true;

	/**
	 * Duration from which a request is 'normal' rather than 'fast'.
	 */
	private Duration normalThreshold = Duration.ofMillis(100);

	/**
	 * Duration from which a request is 'slow'.
	 */
	private Duration slowThreshold = Duration.ofSeconds(1);

	/**
	 * Duration from which a request is 'very_slow', and logged at WARN at least.
	 */
	private Duration verySlowThreshold = Duration.ofSeconds(5);

	/**
	 * Whether to write lines only for slow and very slow requests, and for server errors.
	 */
	private boolean slowOnly = false;

	/**
	 * Ant-style patterns of request paths that get no performance line.
	 */
	private List<String> excludePatterns = new ArrayList<>(List.of("/actuator/**", "/favicon.ico"));

	/**
	 * Whether to count the JDBC statements of each request and their time, when a
	 * DataSource exists.
	 */
	private boolean includeDatabaseMetrics = true;

	/**
	 * Whether to write the heap in use when each request finishes.
	 */
	private boolean includeMemoryMetrics = false;

	private final Body body = new Body();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public Duration getNormalThreshold() {
		return this.normalThreshold;
	}

	public void setNormalThreshold(Duration normalThreshold) {
		this.normalThreshold = normalThreshold;
	}

	public Duration getSlowThreshold() {
		return this.slowThreshold;
	}

	public void setSlowThreshold(Duration slowThreshold) {
		this.slowThreshold = slowThreshold;
	}

	public Duration getVerySlowThreshold() {
		return this.verySlowThreshold;
	}

	public void setVerySlowThreshold(Duration verySlowThreshold) {
		this.verySlowThreshold = verySlowThreshold;
	}

	public boolean isSlowOnly() {
		return this.slowOnly;
	}

	public void setSlowOnly(boolean slowOnly) {
		this.slowOnly = slowOnly;
	}

	public List<String> getExcludePatterns() {
		return this.excludePatterns;
	}

	public void setExcludePatterns(List<String> excludePatterns) {
		this.excludePatterns = excludePatterns;
	}

	public boolean isIncludeDatabaseMetrics() {
		return this.includeDatabaseMetrics;
	}

	public void setIncludeDatabaseMetrics(boolean includeDatabaseMetrics) {
		this.includeDatabaseMetrics = includeDatabaseMetrics;
	}

	public boolean isIncludeMemoryMetrics() {
		return this.includeMemoryMetrics;
	}

	public void setIncludeMemoryMetrics(boolean includeMemoryMetrics) {
		this.includeMemoryMetrics = includeMemoryMetrics;
	}

	public Body getBody() {
		return this.body;
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
	 * Capture of request and response bodies in the performance line.
	 */
	public static class Body {

		/**
		 * Whether to write the start of textual request and response bodies (JSON, form,
		 * text, XML). Multipart and binary bodies are never written.
		 */
		private boolean enabled = false;

		/**
		 * Most of each body that is kept and written; the rest is cut.
		 */
		private DataSize maxSize = DataSize.ofKilobytes(4);

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public DataSize getMaxSize() {
			return this.maxSize;
		}

		public void setMaxSize(DataSize maxSize) {
			this.maxSize = maxSize;
		}

	}

}
