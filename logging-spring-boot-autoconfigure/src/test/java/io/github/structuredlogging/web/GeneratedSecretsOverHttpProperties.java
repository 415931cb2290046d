package io.github.structuredlogging.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.github.structuredlogging.runtime.StructuredLoggingRuntime;
import io.github.structuredlogging.testing.GeneratedSecrets.Secret;
import io.github.structuredlogging.testing.GeneratedSecrets;
import io.github.structuredlogging.testing.HttpCalls;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import org.springframework.web.util.UriUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generated secrets sent to a real server in the places a request carries them (path,
 * query, header, body, with body capture on): none reaches the log files.
 */
class GeneratedSecretsOverHttpProperties {

	private static Path logs;

	private static WebTestApplication application;

	private static HttpCalls http;

	@BeforeContainer
	static void start() throws IOException {
		logs = Files.createTempDirectory("generated-secrets");
		application = WebTestApplication.start("structured-logging.file.directory=" + logs,
				"structured-logging.http.body.enabled=true", "structured-logging.console.enabled=false");
		http = new HttpCalls(application.port());
	}

	@AfterContainer
	static void stop() {
		application.close();
	}

	@Property(tries = 300)
	void noGeneratedSecretSentInARequestReachesTheLogs(@ForAll("secrets") Secret secret) {
		String text = secret.text();
		// A path segment holds a token, a key or an address, not words.
		if (text.chars().noneMatch(Character::isWhitespace)) {
			http.get("/orders/" + UriUtils.encodePathSegment(text, StandardCharsets.UTF_8));
		}
		http.get("/orders/7?note=" + URLEncoder.encode(text, StandardCharsets.UTF_8), "User-Agent",
				text.replace('\n', ' ').replace('\r', ' '));
		http.post("/echo", "application/json", "{\"note\":" + quoted(text) + "}");
		application.bean(StructuredLoggingRuntime.class).flush(Duration.ofSeconds(10));
		for (String file : new String[] { "application.json", "performance.json", "error.json" }) {
			String written = read(logs.resolve(file));
			for (String core : secret.cores()) {
				assertThat(written).as("%s in %s", secret, file).doesNotContain(core);
			}
		}
	}

	@Provide
	Arbitrary<Secret> secrets() {
		return GeneratedSecrets.secrets();
	}

	private static String read(Path file) {
		try {
			return Files.exists(file) ? Files.readString(file) : "";
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String quoted(String value) {
		return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
	}

}
