package io.github.structuredlogging.autoconfigure.disk;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Configuration properties for the monitor of the log directory's volume, whose marks are
 * structured-logging.api.health.disk-warn-percent and disk-critical-percent.
 */
@ConfigurationProperties("structured-logging.disk")
public class DiskProperties implements Validator {

	/**
	 * Whether to watch the log directory's volume and make room when it is past the
	 * critical mark.
	 */
	private boolean enabled = true;

	/**
	 * How often the volume is checked.
	 */
	private Duration checkInterval = Duration.ofSeconds(30);

	/**
	 * Whether to remove the oldest rolled files (never audit files) once the volume is
	 * past the critical mark, until it is back under the warning mark.
	 */
	private boolean cleanUp = true;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public Duration getCheckInterval() {
		return this.checkInterval;
	}

	public void setCheckInterval(Duration checkInterval) {
		this.checkInterval = checkInterval;
	}

	public boolean isCleanUp() {
		return this.cleanUp;
	}

	public void setCleanUp(boolean cleanUp) {
		this.cleanUp = cleanUp;
	}

	@Override
	public boolean supports(Class<?> type) {
		return DiskProperties.class.isAssignableFrom(type);
	}

	@Override
	public void validate(Object target, Errors errors) {
		Duration interval = ((DiskProperties) target).getCheckInterval();
		if (interval == null || interval.toMillis() < 100) {
			errors.rejectValue("check-interval", "tooShort", "must be at least 100ms");
		}
	}

}
