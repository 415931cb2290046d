package io.github.structuredlogging.autoconfigure.archive;

import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DurationUnit;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Configuration properties for the archive of rolled files.
 */
@ConfigurationProperties("structured-logging.archive")
public class ArchiveProperties implements Validator {

	/**
	 * Directory rolled files are archived to, gzipped and recorded with their SHA-256.
	 * Without it, nothing is archived.
	 */
	private @Nullable Path directory;

	/**
	 * How old a rolled file is before it is archived, in days unless a unit is given.
	 */
	@DurationUnit(ChronoUnit.DAYS)
	private Duration after = Duration.ofDays(7);

	/**
	 * How long archived files are kept, in days unless a unit is given.
	 */
	@DurationUnit(ChronoUnit.DAYS)
	private Duration retention = Duration.ofDays(365);

	/**
	 * How long archived audit files are kept, in days unless a unit is given.
	 */
	@DurationUnit(ChronoUnit.DAYS)
	private Duration auditRetention = Duration.ofDays(2555);

	/**
	 * How often the log directory is looked at for files to archive.
	 */
	private Duration checkInterval = Duration.ofHours(1);

	public @Nullable Path getDirectory() {
		return this.directory;
	}

	public void setDirectory(@Nullable Path directory) {
		this.directory = directory;
	}

	public Duration getAfter() {
		return this.after;
	}

	public void setAfter(Duration after) {
		this.after = after;
	}

	public Duration getRetention() {
		return this.retention;
	}

	public void setRetention(Duration retention) {
		this.retention = retention;
	}

	public Duration getAuditRetention() {
		return this.auditRetention;
	}

	public void setAuditRetention(Duration auditRetention) {
		this.auditRetention = auditRetention;
	}

	public Duration getCheckInterval() {
		return this.checkInterval;
	}

	public void setCheckInterval(Duration checkInterval) {
		this.checkInterval = checkInterval;
	}

	@Override
	public boolean supports(Class<?> type) {
		return ArchiveProperties.class.isAssignableFrom(type);
	}

	@Override
	public void validate(Object target, Errors errors) {
		ArchiveProperties properties = (ArchiveProperties) target;
		days(properties.getAfter(), "after", errors);
		days(properties.getRetention(), "retention", errors);
		days(properties.getAuditRetention(), "audit-retention", errors);
		if (properties.getCheckInterval() == null || properties.getCheckInterval().toSeconds() < 1) {
			errors.rejectValue("check-interval", "tooShort", "must be at least 1s");
		}
	}

	private static void days(@Nullable Duration duration, String field, Errors errors) {
		if (duration == null || duration.toDays() < 1) {
			errors.rejectValue(field, "tooShort", "must be at least 1 day");
		}
	}

}
