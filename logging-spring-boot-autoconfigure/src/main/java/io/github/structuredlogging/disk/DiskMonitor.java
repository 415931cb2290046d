package io.github.structuredlogging.disk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;

import io.github.structuredlogging.logback.RetentionHold;
import io.github.structuredlogging.logback.RolledFile;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the log directory's volume and, once it is fuller than the critical mark,
 * removes rolled files until it is back under the warning mark: the oldest first, of the
 * streams it may clean (never the audit files, never an active file), and rolled files
 * of {@code application} a shipper has not shipped yet only when nothing else is left,
 * each of those counted and logged.
 */
public final class DiskMonitor {

	private static final Logger logger = LoggerFactory.getLogger(DiskMonitor.class);

	private static final String SHIPPED_STREAM = "application";

	private final Path directory;

	private final Set<String> streams;

	private final double warnPercent;

	private final double criticalPercent;

	private final DiskUsage usage;

	private final @Nullable RetentionHold hold;

	private final LongAdder removedFiles = new LongAdder();

	private final LongAdder removedBytes = new LongAdder();

	private final LongAdder removedUnshipped = new LongAdder();

	private volatile double usedPercent;

	/**
	 * Create the monitor.
	 * @param directory the log directory
	 * @param streams the streams whose rolled files it may remove
	 * @param warnPercent the used share it cleans down to
	 * @param criticalPercent the used share from which it cleans
	 * @param usage reads the volume's usage
	 * @param hold tells which rolled {@code application} files are not shipped yet,
	 * {@code null} when nothing ships
	 */
	public DiskMonitor(Path directory, Set<String> streams, double warnPercent, double criticalPercent,
			DiskUsage usage, @Nullable RetentionHold hold) {
		this.directory = directory;
		this.streams = Set.copyOf(streams);
		this.warnPercent = warnPercent;
		this.criticalPercent = criticalPercent;
		this.usage = usage;
		this.hold = hold;
	}

	/**
	 * Check the volume once, and make room when it is past the critical mark.
	 */
	public void check() {
		try {
			double used = this.usage.of(this.directory).usedPercent();
			this.usedPercent = used;
			if (used >= this.criticalPercent) {
				makeRoom(used);
			}
		}
		catch (IOException | RuntimeException ex) {
			logger.warn("The log volume could not be checked or cleaned", ex);
		}
	}

	private void makeRoom(double before) throws IOException {
		Set<String> unshipped = (this.hold != null) ? this.hold.files() : Set.of();
		List<Candidate> candidates = rolledFiles();
		// Shipped or never shipped first, oldest first; then what a shipper still needs.
		candidates.sort(Comparator.comparing((Candidate file) -> unshipped(file.file(), unshipped))
			.thenComparing((Candidate file) -> file.file().day())
			.thenComparing(Candidate::modified));
		double used = before;
		int removed = 0;
		long bytes = 0;
		List<String> lost = new ArrayList<>();
		for (Candidate file : candidates) {
			if (used < this.warnPercent) {
				break;
			}
			long size = Files.size(file.path());
			if (Files.deleteIfExists(file.path())) {
				removed++;
				bytes += size;
				if (unshipped(file.file(), unshipped)) {
					this.removedUnshipped.increment();
					lost.add(file.path().getFileName().toString());
				}
			}
			used = this.usage.of(this.directory).usedPercent();
		}
		this.usedPercent = used;
		this.removedFiles.add(removed);
		this.removedBytes.add(bytes);
		logger.warn(String.format(Locale.ROOT,
				"The log volume was %.1f%% full (critical mark %.0f%%): removed %d rolled files (%d bytes), now %.1f%%",
				before, this.criticalPercent, removed, bytes, used));
		if (!lost.isEmpty()) {
			logger.error("Removed {} rolled files that were not shipped yet, to keep the log volume writable: {}",
					lost.size(), lost);
		}
	}

	private static boolean unshipped(RolledFile file, @Nullable Set<String> unshipped) {
		return SHIPPED_STREAM.equals(file.stream()) && (unshipped == null || unshipped.contains(file.plainName()));
	}

	private List<Candidate> rolledFiles() throws IOException {
		List<Candidate> files = new ArrayList<>();
		for (RolledFile file : RolledFile.in(this.directory, this.streams)) {
			files.add(new Candidate(file, Files.getLastModifiedTime(file.path()).toMillis()));
		}
		return files;
	}

	/**
	 * Return how full the volume was at the last check.
	 * @return the used share in percent
	 */
	public double usedPercent() {
		return this.usedPercent;
	}

	/**
	 * Return how many rolled files were removed to make room since start-up.
	 * @return the number
	 */
	public long removedFiles() {
		return this.removedFiles.sum();
	}

	/**
	 * Return how many bytes of rolled files were removed to make room since start-up.
	 * @return the bytes
	 */
	public long removedBytes() {
		return this.removedBytes.sum();
	}

	/**
	 * Return how many of the removed files a shipper had not shipped yet.
	 * @return the number
	 */
	public long removedUnshipped() {
		return this.removedUnshipped.sum();
	}

	private record Candidate(RolledFile file, long modified) {

		Path path() {
			return this.file.path();
		}

	}

}
