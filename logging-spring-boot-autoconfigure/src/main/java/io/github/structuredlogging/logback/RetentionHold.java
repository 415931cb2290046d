package io.github.structuredlogging.logback;

import java.io.IOException;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a stream's retention must keep: rolled files something still has to read back
 * (the shippers), which the age and size limits would otherwise remove. Asked each time
 * logback cleans the stream's rolled files; remembers how many files it held for whom,
 * for the statistics, and says so in the log when it starts and stops holding files.
 */
public final class RetentionHold {

	private static final Logger logger = LoggerFactory.getLogger(RetentionHold.class);

	private final String stream;

	private final Readers readers;

	private volatile Map<String, Integer> held = Map.of();

	/**
	 * Create the hold of a stream.
	 * @param stream the stream, for the log
	 * @param readers finds the files each reader has not read yet
	 */
	public RetentionHold(String stream, Readers readers) {
		this.stream = stream;
		this.readers = readers;
	}

	/**
	 * Find the files to keep now.
	 * @return the names of the files, uncompressed ({@code application.2026-12-01.3.json}),
	 * {@code null} when that cannot be told (keep every file)
	 */
	public @Nullable Set<String> files() {
		Map<String, Set<String>> unread;
		try {
			unread = this.readers.unread();
		}
		catch (IOException | RuntimeException ex) {
			logger.warn("Retention of '{}' keeps every rolled file: what is not shipped yet cannot be read ({})",
					this.stream, ex.toString());
			return null;
		}
		Map<String, Integer> held = new TreeMap<>();
		Set<String> files = new HashSet<>();
		unread.forEach((reader, paths) -> {
			if (!paths.isEmpty()) {
				held.put(reader, paths.size());
				files.addAll(paths);
			}
		});
		report(held);
		return files;
	}

	/**
	 * Return how many rolled files retention kept, at its last run, for each reader that
	 * has not read them.
	 * @param reader the reader, such as a shipper's name
	 * @return the number of files
	 */
	public int held(String reader) {
		return this.held.getOrDefault(reader, 0);
	}

	private void report(Map<String, Integer> held) {
		Map<String, Integer> before = this.held;
		this.held = Map.copyOf(held);
		held.forEach((reader, files) -> {
			if (!before.containsKey(reader)) {
				logger.warn("Retention of '{}' keeps {} rolled files past their limits: '{}' has not shipped them yet",
						this.stream, files, reader);
			}
		});
		before.keySet().stream().filter((reader) -> !held.containsKey(reader)).forEach((reader) -> logger
			.info("Retention of '{}' holds no more files for '{}': it has shipped them", this.stream, reader));
	}

	/**
	 * Finds, for each reader of a stream's files, the rolled files it has not read yet.
	 */
	@FunctionalInterface
	public interface Readers {

		/**
		 * Find the unread files.
		 * @return the names of the files by reader, each as the file was before it was
		 * compressed
		 * @throws IOException when what a reader has read cannot be told
		 */
		Map<String, Set<String>> unread() throws IOException;

	}

}
