package io.github.structuredlogging.management;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import ch.qos.logback.core.Context;
import ch.qos.logback.core.status.Status;
import io.github.structuredlogging.disk.DiskUsage;
import io.github.structuredlogging.logback.DroppedEvents;
import io.github.structuredlogging.shipping.ShipperReport;
import io.github.structuredlogging.shipping.Shipping;
import io.github.structuredlogging.store.EventStore;
import org.jspecify.annotations.Nullable;

/**
 * Checks that logging works: the log directory is writable and its disk not full, no
 * appender reported an error and no event was dropped recently.
 */
public final class LoggingHealth {

	/** How far back appender errors and dropped events count against health. */
	public static final Duration RECENT = Duration.ofMinutes(15);

	private final @Nullable Path directory;

	private final DiskThresholds disk;

	private final Context context;

	private final DroppedEvents droppedEvents;

	private final @Nullable EventStore store;

	private final Clock clock;

	private final @Nullable Shipping shipping;

	/**
	 * Create the checks.
	 * @param directory the log directory, {@code null} when no files are written
	 * @param disk the disk usage thresholds
	 * @param context the logback context, whose status manager holds appender errors
	 * @param droppedEvents the counter of dropped events
	 * @param store the event store, which knows the last write, when there is one
	 * @param clock the clock
	 * @param shipping the shippers, whose failures and lag make logging degraded; {@code null}
	 * when nothing is shipped
	 */
	public LoggingHealth(@Nullable Path directory, DiskThresholds disk, Context context, DroppedEvents droppedEvents,
			@Nullable EventStore store, Clock clock, @Nullable Shipping shipping) {
		this.directory = directory;
		this.disk = disk;
		this.context = context;
		this.droppedEvents = droppedEvents;
		this.store = store;
		this.clock = clock;
		this.shipping = shipping;
	}

	/**
	 * Run the checks.
	 * @return the report
	 */
	public HealthReport check() {
		Map<String, HealthReport.Check> checks = new LinkedHashMap<>();
		if (this.directory != null) {
			checks.put("directory", directory(this.directory));
			checks.put("disk", disk(this.directory));
		}
		checks.put("appender_errors", appenderErrors());
		checks.put("dropped_events", droppedEvents());
		if (this.store != null) {
			checks.put("last_write", lastWrite(this.store));
		}
		if (this.shipping != null) {
			checks.put("shipping", shipping(this.shipping));
		}
		LoggingStatus status = LoggingStatus.UP;
		for (HealthReport.Check check : checks.values()) {
			status = status.worst(check.status());
		}
		return new HealthReport(status, checks);
	}

	private static HealthReport.Check directory(Path directory) {
		boolean writable = Files.isDirectory(directory) && Files.isWritable(directory);
		return new HealthReport.Check(writable ? LoggingStatus.UP : LoggingStatus.DOWN,
				Map.of("path", directory.toAbsolutePath().toString(), "writable", writable));
	}

	private HealthReport.Check disk(Path directory) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("path", directory.toAbsolutePath().toString());
		try {
			DiskUsage.Usage usage = this.disk.usage().of(directory);
			double usedPercent = Math.round(usage.usedPercent() * 10) / 10.0;
			details.put("used_percent", usedPercent);
			details.put("free_bytes", usage.usableBytes());
			details.put("total_bytes", usage.totalBytes());
			details.put("warn_percent", this.disk.warnPercent());
			details.put("critical_percent", this.disk.criticalPercent());
			return new HealthReport.Check(this.disk.statusOf(usedPercent), details);
		}
		catch (IOException | SecurityException ex) {
			details.put("error", ex.getMessage());
			return new HealthReport.Check(LoggingStatus.DOWN, details);
		}
	}

	private HealthReport.Check appenderErrors() {
		long since = this.clock.millis() - RECENT.toMillis();
		int count = 0;
		Status last = null;
		for (Status status : this.context.getStatusManager().getCopyOfStatusList()) {
			if (status.getEffectiveLevel() == Status.ERROR && status.getTimestamp() >= since) {
				count++;
				last = status;
			}
		}
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("recent", count);
		if (last != null) {
			details.put("last_error", last.getMessage());
			details.put("last_error_at", Instant.ofEpochMilli(last.getTimestamp()).toString());
		}
		return new HealthReport.Check((count > 0) ? LoggingStatus.DEGRADED : LoggingStatus.UP, details);
	}

	private HealthReport.Check droppedEvents() {
		long lastDrop = this.droppedEvents.lastDropTime();
		boolean recent = lastDrop > 0 && lastDrop >= this.clock.millis() - RECENT.toMillis();
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("total", this.droppedEvents.count());
		details.put("warn_error_audit", this.droppedEvents.important());
		details.put("at_or_after_stop", this.droppedEvents.lostAtStop());
		if (lastDrop > 0) {
			details.put("last_drop_at", Instant.ofEpochMilli(lastDrop).toString());
		}
		return new HealthReport.Check(recent ? LoggingStatus.DEGRADED : LoggingStatus.UP, details);
	}

	private static HealthReport.Check shipping(Shipping shipping) {
		LoggingStatus status = LoggingStatus.UP;
		Map<String, Object> details = new LinkedHashMap<>();
		for (ShipperReport report : shipping.reports()) {
			boolean degraded = shipping.degraded(report);
			status = degraded ? LoggingStatus.DEGRADED : status;
			Map<String, Object> shipper = new LinkedHashMap<>();
			shipper.put("status", degraded ? LoggingStatus.DEGRADED : LoggingStatus.UP);
			shipper.put("state", report.state());
			shipper.put("lag_seconds", report.lagSeconds());
			shipper.put("queued", report.queued());
			shipper.put("dropped", report.dropped());
			if (report.heldFiles() > 0) {
				shipper.put("held_files", report.heldFiles());
			}
			if (report.lastError() != null) {
				shipper.put("last_error", report.lastError());
				shipper.put("last_error_at", String.valueOf(report.lastErrorAt()));
			}
			details.put(report.name(), shipper);
		}
		return new HealthReport.Check(status, details);
	}

	private HealthReport.Check lastWrite(EventStore store) {
		long last = store.counts().lastEventTime();
		Map<String, Object> details = new LinkedHashMap<>();
		if (last > 0) {
			details.put("at", Instant.ofEpochMilli(last).toString());
			details.put("age_seconds", Math.max(0, (this.clock.millis() - last) / 1000));
		}
		return new HealthReport.Check(LoggingStatus.UP, details);
	}

	/**
	 * When disk usage of the log volume makes logging degraded or down.
	 *
	 * @param warnPercent the used share from which logging is degraded
	 * @param criticalPercent the used share from which logging is down
	 * @param usage reads the volume's usage
	 */
	public record DiskThresholds(int warnPercent, int criticalPercent, DiskUsage usage) {

		/**
		 * Create thresholds for the usage the file system reports.
		 * @param warnPercent the used share from which logging is degraded
		 * @param criticalPercent the used share from which logging is down
		 */
		public DiskThresholds(int warnPercent, int criticalPercent) {
			this(warnPercent, criticalPercent, DiskUsage.fileSystem());
		}

		LoggingStatus statusOf(double usedPercent) {
			return (usedPercent >= this.criticalPercent) ? LoggingStatus.DOWN
					: (usedPercent >= this.warnPercent) ? LoggingStatus.DEGRADED : LoggingStatus.UP;
		}

	}

}
