package io.github.structuredlogging.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import io.github.structuredlogging.api.LogStreams;
import io.github.structuredlogging.logback.RetentionHold;
import io.github.structuredlogging.logback.RolledFile;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves rolled files older than a number of days out of the log directory into the
 * archive, as {@code <archive>/<stream>/<file>.gz}, each recorded in the manifest with
 * its SHA-256; removes archived files past the archive's retention (recorded too); and
 * verifies the archive against the manifest. Audit files are copied, not moved: the audit
 * trail's own verification reads them in the log directory until its retention removes
 * them. Rolled files a shipper has not shipped yet wait.
 */
public final class LogArchive {

	private static final Logger logger = LoggerFactory.getLogger(LogArchive.class);

	private final Path logDirectory;

	private final Path archive;

	private final Set<String> streams;

	private final Duration after;

	private final Duration retention;

	private final Duration auditRetention;

	private final @Nullable RetentionHold hold;

	private final Clock clock;

	private final ArchiveManifest manifest;

	private final LongAdder archived = new LongAdder();

	/**
	 * Create the archive.
	 * @param logDirectory the log directory
	 * @param archive the archive directory
	 * @param streams the streams whose rolled files are archived
	 * @param after how old a rolled file is (by the day in its name) before it is archived
	 * @param retention how long archived files are kept
	 * @param auditRetention how long archived audit files are kept
	 * @param hold tells which rolled {@code application} files are not shipped yet,
	 * {@code null} when nothing ships
	 * @param clock the clock
	 */
	public LogArchive(Path logDirectory, Path archive, Set<String> streams, Duration after, Duration retention,
			Duration auditRetention, @Nullable RetentionHold hold, Clock clock) {
		this.logDirectory = logDirectory;
		this.archive = archive;
		this.streams = Set.copyOf(streams);
		this.after = after;
		this.retention = retention;
		this.auditRetention = auditRetention;
		this.hold = hold;
		this.clock = clock;
		this.manifest = new ArchiveManifest(archive);
	}

	/**
	 * Archive what is due and remove what is past the archive's retention.
	 * @throws IOException when the log directory or the archive cannot be read or written
	 */
	public void archive() throws IOException {
		Files.createDirectories(this.archive);
		LocalDate today = LocalDate.now(this.clock);
		Set<String> unshipped = (this.hold != null) ? this.hold.files() : Set.of();
		Map<String, String> present = this.manifest.expected();
		int moved = 0;
		for (RolledFile file : RolledFile.in(this.logDirectory, this.streams)) {
			boolean due = file.day().isBefore(today.minusDays(this.after.toDays()));
			boolean waiting = LogStreams.APPLICATION.equals(file.stream())
					&& (unshipped == null || unshipped.contains(file.plainName()));
			String target = file.stream() + "/" + file.plainName() + ".gz";
			if (due && !waiting && !present.containsKey(target)) {
				store(file, target);
				moved++;
			}
		}
		int removed = removeExpired(today, present);
		if (moved > 0 || removed > 0) {
			logger.info("Archived {} rolled files to {}; removed {} past the archive's retention", moved, this.archive,
					removed);
		}
	}

	/**
	 * Check every file of the archive against the manifest.
	 * @return what is missing, added or changed
	 * @throws IOException when the archive cannot be read
	 */
	public ArchiveVerification verify() throws IOException {
		Map<String, String> expected = this.manifest.expected();
		Set<String> found = new TreeSet<>();
		if (Files.isDirectory(this.archive)) {
			try (Stream<Path> files = Files.walk(this.archive)) {
				files.filter(Files::isRegularFile)
					.map((file) -> this.archive.relativize(file).toString().replace('\\', '/'))
					.filter((name) -> !name.equals(ArchiveManifest.FILE_NAME))
					.forEach(found::add);
			}
		}
		List<String> missing = new ArrayList<>();
		List<String> changed = new ArrayList<>();
		for (Map.Entry<String, String> entry : expected.entrySet()) {
			if (!found.contains(entry.getKey())) {
				missing.add(entry.getKey());
			}
			else if (!entry.getValue().equals(sha256(this.archive.resolve(entry.getKey())))) {
				changed.add(entry.getKey());
			}
		}
		List<String> added = found.stream().filter((name) -> !expected.containsKey(name)).toList();
		return new ArchiveVerification(expected.size(), missing, added, changed);
	}

	/**
	 * Return how many files were archived since start-up.
	 * @return the number
	 */
	public long archivedFiles() {
		return this.archived.sum();
	}

	/**
	 * Archive what is due, and log what stood in the way instead of throwing: for a
	 * scheduled run.
	 */
	public void run() {
		try {
			archive();
		}
		catch (IOException | RuntimeException ex) {
			logger.warn("Rolled files could not be archived to {}", this.archive, ex);
		}
	}

	// Written to a temporary file, forced to disk, recorded, then moved into place: a
	// crash leaves at most a temporary file, which the next run overwrites.
	private void store(RolledFile file, String target) throws IOException {
		Path destination = this.archive.resolve(target);
		Files.createDirectories(destination.getParent());
		Path temporary = destination.resolveSibling(destination.getFileName() + ".tmp");
		MessageDigest digest = digest();
		try (InputStream in = Files.newInputStream(file.path());
				FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
						StandardOpenOption.TRUNCATE_EXISTING)) {
			OutputStream out = new DigestOutputStream(Channels.newOutputStream(channel), digest);
			if (file.compressed()) {
				in.transferTo(out);
				out.flush();
			}
			else {
				GZIPOutputStream gzip = new GZIPOutputStream(out);
				in.transferTo(gzip);
				gzip.finish();
				gzip.flush();
			}
			channel.force(true);
		}
		Files.move(temporary, destination, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		this.manifest.archived(target, HexFormat.of().formatHex(digest.digest()), Files.size(destination),
				file.stream(), this.clock.instant());
		if (!LogStreams.AUDIT.equals(file.stream())) {
			Files.delete(file.path());
		}
		this.archived.increment();
	}

	private int removeExpired(LocalDate today, Map<String, String> present) throws IOException {
		int removed = 0;
		for (String path : present.keySet()) {
			RolledFile file = RolledFile.of(this.archive.resolve(path));
			if (file == null) {
				continue;
			}
			Duration kept = LogStreams.AUDIT.equals(file.stream()) ? this.auditRetention : this.retention;
			if (file.day().isBefore(today.minusDays(kept.toDays()))) {
				Files.deleteIfExists(this.archive.resolve(path));
				this.manifest.removed(path, this.clock.instant());
				removed++;
			}
		}
		return removed;
	}

	private static String sha256(Path file) throws IOException {
		MessageDigest digest = digest();
		try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
			in.transferTo(OutputStream.nullOutputStream());
		}
		return HexFormat.of().formatHex(digest.digest());
	}

	private static MessageDigest digest() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

}
