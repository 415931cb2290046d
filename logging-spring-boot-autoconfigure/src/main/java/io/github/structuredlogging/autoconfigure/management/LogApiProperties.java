package io.github.structuredlogging.autoconfigure.management;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Configuration of the log API at {@code /api/v1/logs} and the {@code logs} Actuator
 * endpoint. Validates itself, so that a bad value fails start-up naming the property.
 */
@ConfigurationProperties("structured-logging.api")
public class LogApiProperties implements Validator {

	private static final Validator VALIDATOR = new LogApiPropertiesValidator();

	/**
	 * Whether to serve the log API. Defaults to on with Spring Security; without Spring
	 * Security it must be set to true and 'structured-logging.api.key' must be set.
	 */
	private @Nullable Boolean enabled;

	/**
	 * Path under which the log API is served.
	 */
	private String basePath = "/api/v1/logs";

	/**
	 * Authority a Spring Security user needs to call the log API.
	 */
	private String authority = "ROLE_LOG_ADMIN";

	/**
	 * Key callers send in the 'X-API-Key' header when Spring Security is absent, at least
	 * 16 characters. Without it, the log API stays off unless Spring Security is present.
	 */
	private @Nullable String key;

	private final Health health = new Health();

	private final Stream stream = new Stream();

	private final Console console = new Console();

	public @Nullable Boolean getEnabled() {
		return this.enabled;
	}

	public void setEnabled(@Nullable Boolean enabled) {
		this.enabled = enabled;
	}

	public String getBasePath() {
		return this.basePath;
	}

	public void setBasePath(String basePath) {
		this.basePath = basePath;
	}

	public String getAuthority() {
		return this.authority;
	}

	public void setAuthority(String authority) {
		this.authority = authority;
	}

	public @Nullable String getKey() {
		return this.key;
	}

	public void setKey(@Nullable String key) {
		this.key = key;
	}

	public Health getHealth() {
		return this.health;
	}

	public Stream getStream() {
		return this.stream;
	}

	public Console getConsole() {
		return this.console;
	}

	@Override
	public boolean supports(Class<?> type) {
		return LogApiProperties.class.isAssignableFrom(type);
	}

	@Override
	public void validate(Object target, Errors errors) {
		VALIDATOR.validate(target, errors);
	}

	/**
	 * The log console, a web page over the API at {base-path}/console.
	 */
	public static class Console {

		/**
		 * Whether to serve the log console, protected like the API.
		 */
		private boolean enabled = true;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

	}

	/**
	 * Health of logging.
	 */
	public static class Health {

		/**
		 * Disk usage of the log volume, in percent, from which logging is DEGRADED.
		 */
		private int diskWarnPercent = 75;

		/**
		 * Disk usage of the log volume, in percent, from which logging is DOWN.
		 */
		private int diskCriticalPercent = 85;

		public int getDiskWarnPercent() {
			return this.diskWarnPercent;
		}

		public void setDiskWarnPercent(int diskWarnPercent) {
			this.diskWarnPercent = diskWarnPercent;
		}

		public int getDiskCriticalPercent() {
			return this.diskCriticalPercent;
		}

		public void setDiskCriticalPercent(int diskCriticalPercent) {
			this.diskCriticalPercent = diskCriticalPercent;
		}

	}

	/**
	 * Live tail at '/stream'.
	 */
	public static class Stream {

		/**
		 * Maximum number of live-tail subscribers connected at once.
		 */
		private int maxSubscribers = 5;

		/**
		 * Number of events a subscriber may fall behind before it is disconnected.
		 */
		private int queueCapacity = 1000;

		/**
		 * How long a subscription lasts before the client must reconnect.
		 */
		private Duration timeout = Duration.ofMinutes(30);

		/**
		 * How often an idle subscription is sent a comment, to keep it open and notice gone
		 * clients.
		 */
		private Duration heartbeat = Duration.ofSeconds(15);

		public int getMaxSubscribers() {
			return this.maxSubscribers;
		}

		public void setMaxSubscribers(int maxSubscribers) {
			this.maxSubscribers = maxSubscribers;
		}

		public int getQueueCapacity() {
			return this.queueCapacity;
		}

		public void setQueueCapacity(int queueCapacity) {
			this.queueCapacity = queueCapacity;
		}

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
		}

		public Duration getHeartbeat() {
			return this.heartbeat;
		}

		public void setHeartbeat(Duration heartbeat) {
			this.heartbeat = heartbeat;
		}

	}

}
