package io.github.structuredlogging.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import io.github.structuredlogging.testing.HttpCalls;
import io.github.structuredlogging.testing.LogApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The log console in Debian's headless Chromium, driven by {@code src/test/console} with
 * playwright-core: refused without credentials, the live tail, a hostile line shown as
 * text, the drill-down of one request, grouped errors, no request leaving the machine, no
 * policy violation. Skipped where Chromium or the script's modules are missing; {@code .ci/run}
 * installs both.
 */
class ConsoleBrowserTests {

	private static final Logger log = LoggerFactory.getLogger("com.example.support.CustomerNotes");

	private static final Path CHROMIUM = Path.of("/usr/lib/chromium/chromium");

	private static final Path SCRIPT_DIRECTORY = Path.of("src", "test", "console");

	@TempDir
	Path logs;

	@Test
	@Timeout(value = 3, unit = TimeUnit.MINUTES)
	void theConsoleInARealBrowser() throws Exception {
		assumeTrue(Files.isExecutable(CHROMIUM), "Chromium is not installed (apt-get install chromium; .ci/run does)");
		assumeTrue(Files.isDirectory(SCRIPT_DIRECTORY.resolve("node_modules/playwright-core")),
				"playwright-core is not installed (npm ci in " + SCRIPT_DIRECTORY + "; .ci/run does)");
		Path screenshots = Files.createDirectories(Path.of("target", "console-screenshots"));
		try (WebTestApplication application = WebTestApplication.start("structured-logging.file.directory=" + this.logs)) {
			String url = "http://127.0.0.1:" + application.port() + LogApi.BASE + "/console";
			Process node = new ProcessBuilder("node", "console.test.mjs", url, "ops", "ops-pass",
					screenshots.toAbsolutePath().toString())
				.directory(SCRIPT_DIRECTORY.toFile())
				.redirectErrorStream(true)
				.start();
			StringBuilder output = new StringBuilder();
			try (BufferedReader out = new BufferedReader(
					new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8));
					OutputStream in = node.getOutputStream()) {
				String line;
				while ((line = out.readLine()) != null) {
					output.append(line).append('\n');
					if (line.equals("READY")) {
						writeAfterThePageOpened(application);
						in.write('\n');
						in.flush();
					}
				}
			}
			assertThat(node.waitFor(30, TimeUnit.SECONDS)).isTrue();
			assertThat(node.exitValue()).as(output::toString).isZero();
			assertThat(output).contains("PASSED");
		}
	}

	private static void writeAfterThePageOpened(WebTestApplication application) throws IOException {
		log.info("Customer note: <script>alert(1)</script>");
		HttpCalls http = new HttpCalls(application.port());
		http.get("/orders/77", "X-Correlation-ID", "console-77");
		// One exception thrown five times from one place and once from another.
		for (int i = 0; i < 5; i++) {
			http.get("/fail", "X-Correlation-ID", "fail-" + i);
		}
		http.get("/orders/2/fail", "X-Correlation-ID", "fail-order");
	}

}
