package io.github.structuredlogging.autoconfigure.logging;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.structuredlogging.testing.JsonLines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JSON console is written by a daemon thread: what it still holds when the JVM exits
 * reaches the console all the same, in a JVM of its own as in production.
 */
class ConsoleAtExitTests {

	@Test
	void failureReportOfAnInvalidPropertyReachesTheConsoleBeforeTheJvmExits() throws Exception {
		String console = runToExit("--structured-logging.json.layout=xml");
		assertThat(JsonLines.parse(console).all()).anySatisfy((event) -> {
			assertThat(event.path("level").asString()).isEqualTo("ERROR");
			assertThat(event.path("message").asString()).contains("APPLICATION FAILED TO START")
				.contains("structured-logging.json.layout");
		});
	}

	@Test
	void linesLoggedRightBeforeTheJvmExitsAllReachTheConsole() throws Exception {
		String console = runToExit("--spring.main.register-shutdown-hook=false", "--logging.register-shutdown-hook=false");
		assertThat(JsonLines.parse(console).messages()).filteredOn((message) -> message.startsWith("Last line "))
			.hasSize(ExitingApplication.LAST_LINES)
			.endsWith("Last line " + ExitingApplication.LAST_LINES);
	}

	@TempDir
	Path temp;

	private String runToExit(String... arguments) throws IOException, InterruptedException {
		Path console = this.temp.resolve("console.out");
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-cp", System.getProperty("java.class.path"), ExitingApplication.class.getName()));
		command.addAll(List.of(arguments));
		Process process = new ProcessBuilder(command).redirectOutput(console.toFile())
			.redirectError(ProcessBuilder.Redirect.DISCARD)
			.start();
		try {
			assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("the application exited").isTrue();
		}
		finally {
			process.destroyForcibly();
		}
		return Files.readString(console, StandardCharsets.UTF_8);
	}

}
