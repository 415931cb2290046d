package io.github.structuredlogging.logback;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a stream's retention must keep: rolled files something still has to read back
 * (the shippers), which the age and size limits would otherwise remove. Asked each time
 * logback cleans the stream's rolled files, and told of each file kept past the limits:
 * logged once when kept and once when released, and counted per reader.
 */
public final class RetentionHold {

	private static final Logger logger = LoggerFactory.getLogger(RetentionHold.class);

	private final String stream;

	private final Readers readers;

	private volatile Map<String, Set<String>> unread = Map.of();

	private final Set<String> kept = ConcurrentHashMap.newKeySet();

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
		try {
			Map<String, Set<String>> unread = Map.copyOf(this.readers.unread());
			this.unread = unread;
			Set<String> files = new HashSet<>();
			unread.values().forEach(files::addAll);
			for (String name : this.kept) {
				if (!files.contains(name) && this.kept.remove(name)) {
					logger.info("Retention of '{}' releases {}: it has been shipped", this.stream, name);
				}
			}
			return files;
		}
		catch (IOException | RuntimeException ex) {
			logger.warn("Retention of '{}' keeps every rolled file: what is not shipped yet cannot be read ({})",
					this.stream, ex.toString());
			return null;
		}
	}

	/**
	 * Return how many rolled files retention keeps past its limits because a reader has
	 * not read them.
	 * @param reader the reader, such as a shipper's name
	 * @return the number of files
	 */
	public int held(String reader) {
		Set<String> unread = this.unread.getOrDefault(reader, Set.of());
		return (int) this.kept.stream().filter(unread::contains).count();
	}

	/**
	 * Record that retention kept a file past its limits.
	 * @param name the file's uncompressed name
	 */
	void kept(String name) {
		if (this.kept.add(name)) {
			List<String> waitingFor = this.unread.entrySet().stream()
				.filter((entry) -> entry.getValue().contains(name))
				.map(Map.Entry::getKey)
				.sorted()
				.toList();
			String who = waitingFor.isEmpty() ? "it cannot be told whether a shipper has"
					: "'" + String.join("', '", waitingFor) + "' has";
			logger.warn("Retention of '{}' keeps {} past its limits: {} not shipped it yet", this.stream, name, who);
		}
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
