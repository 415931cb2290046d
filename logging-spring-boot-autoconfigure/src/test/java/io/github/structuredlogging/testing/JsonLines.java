package io.github.structuredlogging.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Parses log output as JSON lines, failing on any line that is not a JSON object.
 */
public final class JsonLines {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private final List<JsonNode> events;

	private JsonLines(List<JsonNode> events) {
		this.events = events;
	}

	public static JsonLines parse(String output) {
		List<JsonNode> events = output.lines().filter((line) -> !line.isEmpty()).map(JsonLines::parseLine).toList();
		return new JsonLines(events);
	}

	public static JsonLines read(Path file) {
		try {
			return parse(Files.readString(file));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static JsonLines readGzip(Path file) {
		try (InputStream input = new GZIPInputStream(Files.newInputStream(file))) {
			return parse(new String(input.readAllBytes(), StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static JsonNode parseLine(String line) {
		JsonNode node = MAPPER.readTree(line);
		assertThat(node.isObject()).as("JSON object: %s", line).isTrue();
		return node;
	}

	public List<JsonNode> all() {
		return this.events;
	}

	public JsonNode withMessage(String message) {
		return this.events.stream()
			.filter((event) -> message.equals(event.path("message").asString(null)))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No event with message '" + message + "' in " + this.events));
	}

	public boolean anyMatch(Predicate<JsonNode> predicate) {
		return this.events.stream().anyMatch(predicate);
	}

	public List<String> messages() {
		return this.events.stream().map((event) -> event.path("message").asString("")).toList();
	}

}
