package io.github.structuredlogging.audit;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import io.github.structuredlogging.json.LogField;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Anchors the audit chain in its files. An anchor is a record, written on start and after
 * every rotation of the audit file, that names the first record the files must hold:
 * records deleted from the front, which leave a chain that is valid from there on, show
 * against it. Only the retention of rolled files moves that first record on.
 * <p>
 * On start it also records a gap when the last line of the audit file was cut short.
 */
public final class AuditAnchors implements AutoCloseable {

	/** Event type of anchor records. */
	public static final String ANCHOR = "AUDIT_ANCHOR";

	/** Event type of the record that reports a line cut short. */
	public static final String GAP = "AUDIT_GAP";

	/** Detail of an anchor that holds the first sequence number the files must hold. */
	public static final String FIRST_SEQUENCE = "first_sequence";

	private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

	private final AuditTrail trail;

	private final Path directory;

	private final int maxHistoryDays;

	private final boolean sizeCapped;

	private final Clock clock;

	private final ExecutorService rotations = Executors.newSingleThreadExecutor((task) -> {
		Thread thread = new Thread(task, "structured-logging-audit-anchor");
		thread.setDaemon(true);
		return thread;
	});

	private volatile @Nullable Long anchoredFirst;

	/**
	 * Create the anchors of a trail.
	 * @param trail the trail
	 * @param directory the directory of the audit files
	 * @param maxHistoryDays how many days of rolled audit files are kept
	 * @param sizeCapped whether rolled audit files are also deleted by their total size,
	 * which no anchor can foresee
	 * @param clock tells the date
	 */
	public AuditAnchors(AuditTrail trail, Path directory, int maxHistoryDays, boolean sizeCapped, Clock clock) {
		this.trail = trail;
		this.directory = directory;
		this.maxHistoryDays = maxHistoryDays;
		this.sizeCapped = sizeCapped;
		this.clock = clock;
	}

	/**
	 * Record the start of the trail: a gap when the last line was cut short, then an anchor.
	 * @param recovery what was found in the audit files before the trail went on
	 */
	public void started(AuditFiles.Recovery recovery) {
		if (recovery.cutShort() != null) {
			Map<String, @Nullable Object> details = new LinkedHashMap<>();
			details.put("resumed_after", recovery.last().sequence());
			this.trail.record(new AuditRecord(GAP, "recover", AuditOutcome.FAILURE, null, "file", "audit.json",
					recovery.cutShort(), details));
		}
		anchor("start", recovery.anchoredFirst());
	}

	/**
	 * Record an anchor after the audit file has been rolled, on a thread of its own: the
	 * writer thread that rolls the file must not wait for the queue it empties.
	 */
	public void rotated() {
		try {
			this.rotations.execute(() -> anchor("rotation", this.anchoredFirst));
		}
		catch (RejectedExecutionException ex) {
			// Closed: the application is stopping, and the next start writes an anchor.
		}
	}

	/**
	 * Write the anchors still pending, and no more.
	 */
	@Override
	public void close() {
		this.rotations.shutdown();
		try {
			if (!this.rotations.awaitTermination(CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
				this.rotations.shutdownNow();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void anchor(String reason, @Nullable Long previousFirst) {
		long first = firstKept(AuditFiles.inOrder(this.directory), previousFirst,
				this.trail.position().sequence() + 1);
		Map<String, @Nullable Object> details = new LinkedHashMap<>();
		details.put("reason", reason);
		details.put(FIRST_SEQUENCE, first);
		this.trail.record(new AuditRecord(ANCHOR, "anchor", AuditOutcome.SUCCESS, null, "file", "audit.json", null,
				details));
		this.anchoredFirst = first;
	}

	// The first record the files must hold: the one vouched for before, unless retention
	// has deleted, or is about to delete, the files that held it.
	private long firstKept(List<Path> files, @Nullable Long previousFirst, long next) {
		LocalDate limit = LocalDate.now(this.clock.withZone(ZoneOffset.UTC)).minusDays(this.maxHistoryDays);
		List<Path> kept = files.stream().filter((file) -> {
			LocalDate date = AuditFiles.dateOf(file);
			return date == null || date.isAfter(limit);
		}).toList();
		boolean expired = this.sizeCapped || kept.size() < files.size();
		Long present = AuditFiles.firstSequence(kept);
		if (present == null) {
			return (previousFirst != null && !expired) ? previousFirst : next;
		}
		if (previousFirst == null || present <= previousFirst) {
			return (previousFirst != null) ? previousFirst : present;
		}
		LocalDate oldest = AuditFiles.dateOf(kept.get(0));
		boolean explained = expired || (oldest != null && !oldest.isAfter(limit.plusDays(1)));
		return explained ? present : previousFirst;
	}

	/**
	 * Return the first sequence number an anchor record vouches for.
	 * @param record a record as written
	 * @return the sequence number, {@code null} when the record is no anchor
	 */
	public static @Nullable Long firstSequenceOf(JsonNode record) {
		if (!ANCHOR.equals(LogField.AUDIT_EVENT.in(record).asString(""))) {
			return null;
		}
		JsonNode first = LogField.AUDIT_DETAILS.in(record).path(FIRST_SEQUENCE);
		return first.isIntegralNumber() ? first.asLong() : null;
	}

}
