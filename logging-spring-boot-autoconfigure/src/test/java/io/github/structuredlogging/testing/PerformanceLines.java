package io.github.structuredlogging.testing;

import java.time.Duration;
import java.util.List;

import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.system.CapturedOutput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Finds performance lines in captured output. A line is written once the response is
 * complete, so a client can see the response before the line exists: wait for it.
 */
public final class PerformanceLines {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private PerformanceLines() {
	}

	public static List<JsonNode> all(CapturedOutput output) {
		return JsonLines.parse(ConsoleOutput.written(output))
			.all()
			.stream()
			.filter((line) -> "performance".equals(line.path("log_stream").asString()))
			.toList();
	}

	public static List<JsonNode> forPath(CapturedOutput output, String path) {
		return all(output).stream().filter((line) -> path.equals(line.path("http_path").asString())).toList();
	}

	/**
	 * Wait for the performance line of the given path and check it is the only one.
	 * @param output the captured output
	 * @param path the request path
	 * @return the line
	 */
	public static JsonNode awaitOnly(CapturedOutput output, String path) {
		await().atMost(WAIT).until(() -> !forPath(output, path).isEmpty());
		List<JsonNode> lines = forPath(output, path);
		assertThat(lines).as("performance lines for %s", path).hasSize(1);
		return lines.get(0);
	}

}
