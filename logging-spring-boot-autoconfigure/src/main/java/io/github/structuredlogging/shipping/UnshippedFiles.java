package io.github.structuredlogging.shipping;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.github.structuredlogging.logback.RetentionHold;
import io.github.structuredlogging.logback.RolledFile;

/**
 * The rolled files of a stream each shipper has not shipped yet, told by the positions in
 * the shippers' registries alone: the file a position is in and every file rolled after
 * it. Read from the files, not from running shippers, so that it holds at start-up too,
 * before any shipper runs. A registry not saved for longer than the stream's history is
 * taken as abandoned (a shipper removed from the configuration) and holds nothing.
 */
public final class UnshippedFiles implements RetentionHold.Readers {

	private final Path directory;

	private final String stream;

	private final Duration abandonedAfter;

	private final Clock clock;

	/**
	 * Create the finder of a stream's unshipped files.
	 * @param directory the log directory
	 * @param stream the stream the shippers read
	 * @param abandonedAfter how long after its last save a registry holds nothing
	 * @param clock the clock
	 */
	public UnshippedFiles(Path directory, String stream, Duration abandonedAfter, Clock clock) {
		this.directory = Objects.requireNonNull(directory, "'directory' must not be null");
		this.stream = Objects.requireNonNull(stream, "'stream' must not be null");
		this.abandonedAfter = abandonedAfter;
		this.clock = clock;
	}

	@Override
	public Map<String, Set<String>> unread() throws IOException {
		Map<String, Set<String>> unread = new LinkedHashMap<>();
		Path folder = this.directory.resolve(PositionRegistry.FOLDER);
		if (!Files.isDirectory(folder)) {
			return unread;
		}
		List<RolledFiles.Rolled> rolled = RolledFiles.of(this.directory, this.stream);
		Map<RolledFiles.Rolled, String> heads = new LinkedHashMap<>();
		try (DirectoryStream<Path> registries = Files.newDirectoryStream(folder, "*.json")) {
			for (Path file : registries) {
				PositionRegistry registry = PositionRegistry.read(file);
				if (registry.savedAt() < this.clock.millis() - this.abandonedAfter.toMillis()) {
					continue;
				}
				Set<String> names = new HashSet<>();
				for (int i = firstUnshipped(rolled, heads, registry); i < rolled.size(); i++) {
					names.add(RolledFile.plainName(rolled.get(i).file().getFileName().toString()));
				}
				unread.put(registry.shipper(), names);
			}
		}
		return unread;
	}

	// The file the position is in, found newest first (a shipper is seldom far behind); a
	// position in the active file leaves every rolled file shipped; one whose file is gone
	// leaves the files rolled after it was saved, as the shipper will read them.
	private int firstUnshipped(List<RolledFiles.Rolled> rolled, Map<RolledFiles.Rolled, String> heads,
			PositionRegistry registry) throws IOException {
		String head = registry.position().head();
		if (head.isEmpty() || head.equals(RolledFiles.head(this.directory.resolve(this.stream + ".json")))) {
			return rolled.size();
		}
		for (int i = rolled.size() - 1; i >= 0; i--) {
			RolledFiles.Rolled file = rolled.get(i);
			if (head.equals(heads.computeIfAbsent(file, (key) -> String.valueOf(RolledFiles.head(key.file()))))) {
				return i;
			}
		}
		for (int i = 0; i < rolled.size(); i++) {
			if (Files.getLastModifiedTime(rolled.get(i).file()).toMillis() >= registry.savedAt()) {
				return i;
			}
		}
		return rolled.size();
	}

}
