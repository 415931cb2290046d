package io.github.structuredlogging.shipping;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The read position of one shipper, kept in a small JSON file in the log directory
 * ({@code .shipping/<shipper>.json}) and forced to disk each time a batch is shipped, so
 * that a restart goes on from the last event the backend took.
 */
final class PositionRegistry {

	/** The folder of the log directory the registries are kept in. */
	static final String FOLDER = ".shipping";

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private final Path file;

	private ReadPosition position = ReadPosition.START;

	private long savedAt;

	private PositionRegistry(Path file) {
		this.file = file;
	}

	/**
	 * Load the registry of a shipper, or start an empty one.
	 * @param directory the log directory
	 * @param shipper the shipper's name
	 * @return the registry
	 * @throws IOException when the registry's directory cannot be created
	 */
	static PositionRegistry load(Path directory, String shipper) throws IOException {
		Path folder = Files.createDirectories(directory.resolve(FOLDER));
		return read(folder.resolve(shipper + ".json"));
	}

	/**
	 * Read a registry file, or start an empty registry there.
	 * @param file the file
	 * @return the registry
	 */
	static PositionRegistry read(Path file) {
		PositionRegistry registry = new PositionRegistry(file);
		if (Files.isRegularFile(registry.file)) {
			try {
				JsonNode saved = MAPPER.readTree(registry.file);
				registry.position = new ReadPosition(saved.path("head").asString(""), saved.path("offset").asLong(0));
				registry.savedAt = saved.path("saved_at").asLong(0);
			}
			catch (JacksonException ex) {
				// A registry cut by a crash before its first save: start again.
			}
		}
		return registry;
	}

	ReadPosition position() {
		return this.position;
	}

	long savedAt() {
		return this.savedAt;
	}

	Path file() {
		return this.file;
	}

	String shipper() {
		String name = this.file.getFileName().toString();
		return name.substring(0, name.length() - ".json".length());
	}

	/**
	 * Save a position: written to a temporary file, forced to disk, then moved over the
	 * registry, so that the registry is always one whole position.
	 * @param position the position after the last event shipped
	 * @throws IOException when it cannot be written
	 */
	void save(ReadPosition position) throws IOException {
		long now = System.currentTimeMillis();
		Map<String, Object> content = new LinkedHashMap<>();
		content.put("head", position.head());
		content.put("offset", position.offset());
		content.put("saved_at", now);
		Path temporary = this.file.resolveSibling(this.file.getFileName() + ".tmp");
		try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
				StandardOpenOption.TRUNCATE_EXISTING)) {
			channel.write(ByteBuffer.wrap(MAPPER.writeValueAsBytes(content)));
			channel.force(true);
		}
		try {
			Files.move(temporary, this.file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (AtomicMoveNotSupportedException ex) {
			Files.move(temporary, this.file, StandardCopyOption.REPLACE_EXISTING);
		}
		this.position = position;
		this.savedAt = now;
	}

}
