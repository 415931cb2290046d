package io.github.structuredlogging.archive;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The archive's record of itself: {@code manifest.jsonl}, one JSON line per file archived
 * (its path in the archive, SHA-256, size, stream, when) and one per file its retention
 * removed. Appended to and forced to disk, never rewritten.
 */
final class ArchiveManifest {

	/** The manifest's file name in the archive directory. */
	static final String FILE_NAME = "manifest.jsonl";

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private final Path file;

	ArchiveManifest(Path directory) {
		this.file = directory.resolve(FILE_NAME);
	}

	void archived(String path, String sha256, long size, String stream, Instant at) throws IOException {
		Map<String, Object> line = new LinkedHashMap<>();
		line.put("file", path);
		line.put("sha256", sha256);
		line.put("size", size);
		line.put("stream", stream);
		line.put("archived_at", at.toString());
		append(line);
	}

	void removed(String path, Instant at) throws IOException {
		Map<String, Object> line = new LinkedHashMap<>();
		line.put("file", path);
		line.put("removed_at", at.toString());
		append(line);
	}

	/**
	 * Return the files the archive should hold now, with their SHA-256.
	 * @return the SHA-256 of each file, by its path in the archive
	 * @throws IOException when the manifest cannot be read
	 */
	Map<String, String> expected() throws IOException {
		Map<String, String> expected = new LinkedHashMap<>();
		if (!Files.exists(this.file)) {
			return expected;
		}
		List<String> lines = Files.readAllLines(this.file, StandardCharsets.UTF_8);
		for (String text : lines) {
			if (text.isBlank()) {
				continue;
			}
			try {
				JsonNode line = MAPPER.readTree(text);
				String path = line.path("file").asString();
				if (line.has("removed_at")) {
					expected.remove(path);
				}
				else {
					expected.put(path, line.path("sha256").asString());
				}
			}
			catch (JacksonException ex) {
				throw new UncheckedIOException(new IOException("The archive manifest has a line that is not JSON", ex));
			}
		}
		return expected;
	}

	private void append(Map<String, Object> line) throws IOException {
		byte[] bytes = (MAPPER.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8);
		try (FileChannel channel = FileChannel.open(this.file, StandardOpenOption.CREATE,
				StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
			channel.write(ByteBuffer.wrap(bytes));
			channel.force(true);
		}
	}

}
