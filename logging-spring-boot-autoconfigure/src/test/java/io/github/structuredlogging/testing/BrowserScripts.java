package io.github.structuredlogging.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The console's browser scripts in {@code src/test/console}, run with Node and
 * playwright-core in Debian's headless Chromium. A script prints what it needs done
 * ({@code DO} and a command: log lines, restart the application) and waits for a line
 * back; it exits with 0 once every check passed.
 */
public final class BrowserScripts {

	private static final Path CHROMIUM = Path.of("/usr/lib/chromium/chromium");

	private static final Path SCRIPT_DIRECTORY = Path.of("src", "test", "console");

	private BrowserScripts() {
	}

	/**
	 * Skip the calling test where Chromium or the scripts' modules are missing; {@code .ci/run}
	 * installs both.
	 */
	public static void assumeAvailable() {
		assumeTrue(Files.isExecutable(CHROMIUM), "Chromium is not installed (apt-get install chromium; .ci/run does)");
		assumeTrue(Files.isDirectory(SCRIPT_DIRECTORY.resolve("node_modules/playwright-core")),
				"playwright-core is not installed (npm ci in " + SCRIPT_DIRECTORY + "; .ci/run does)");
	}

	/**
	 * Return the directory the scripts write their screenshots to.
	 * @return the directory, created
	 */
	public static Path screenshots() {
		try {
			return Files.createDirectories(Path.of("target", "console-screenshots")).toAbsolutePath();
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	/**
	 * Run a script, do what it asks, and return its output once it has exited with 0.
	 * @param script the script's file name
	 * @param commands what to do for each command it prints
	 * @param arguments its arguments
	 * @return its output
	 * @throws Exception when it fails, or a command does
	 */
	public static String drive(String script, Command commands, String... arguments) throws Exception {
		List<String> command = new ArrayList<>(List.of("node", script));
		command.addAll(List.of(arguments));
		Process node = new ProcessBuilder(command).directory(SCRIPT_DIRECTORY.toFile()).redirectErrorStream(true).start();
		StringBuilder output = new StringBuilder();
		try (BufferedReader out = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8));
				OutputStream in = node.getOutputStream()) {
			String line;
			while ((line = out.readLine()) != null) {
				output.append(line).append('\n');
				if (line.startsWith("DO ")) {
					commands.run(line.substring(3));
					in.write('\n');
					in.flush();
				}
			}
		}
		assertThat(node.waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(node.exitValue()).as(output::toString).isZero();
		assertThat(output).contains("PASSED");
		return output.toString();
	}

	/**
	 * What a test does when a script asks.
	 */
	@FunctionalInterface
	public interface Command {

		/**
		 * Do what the script asks.
		 * @param command the command
		 * @throws Exception when it cannot be done
		 */
		void run(String command) throws Exception;

	}

}
