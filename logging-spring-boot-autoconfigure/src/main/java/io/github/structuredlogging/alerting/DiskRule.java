package io.github.structuredlogging.alerting;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;

import io.github.structuredlogging.disk.DiskUsage;

/**
 * Fires while the log directory's volume is fuller than a share: one rule for the warning
 * mark, one for the critical mark.
 */
public final class DiskRule implements AlertRule {

	private final String name;

	private final Path directory;

	private final DiskUsage usage;

	private final double percent;

	private final AlertSeverity severity;

	/**
	 * Create the rule.
	 * @param name the rule's name
	 * @param directory the log directory
	 * @param usage reads the volume's usage
	 * @param percent the used share, in percent, from which the rule fires
	 * @param severity how urgent its alerts are
	 */
	public DiskRule(String name, Path directory, DiskUsage usage, double percent, AlertSeverity severity) {
		this.name = name;
		this.directory = directory;
		this.usage = usage;
		this.percent = percent;
		this.severity = severity;
	}

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public AlertSeverity severity() {
		return this.severity;
	}

	@Override
	public Check check(Instant now) {
		try {
			double used = this.usage.of(this.directory).usedPercent();
			return new Check(used >= this.percent, used, this.percent,
					String.format(Locale.ROOT, "The log volume is %.1f%% full (%s mark %.0f%%)", used,
							this.severity.label(), this.percent));
		}
		catch (IOException ex) {
			return new Check(false, 0, this.percent, "The log volume cannot be read: " + ex.getMessage());
		}
	}

}
