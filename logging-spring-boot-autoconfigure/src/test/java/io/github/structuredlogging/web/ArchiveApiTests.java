package io.github.structuredlogging.web;

import java.net.http.HttpResponse;
import java.nio.file.Path;

import io.github.structuredlogging.testing.LogApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/v1/logs/archive/verify}, with and without an archive.
 */
class ArchiveApiTests {

	@TempDir
	Path logs;

	@TempDir
	Path archive;

	@Test
	void withoutAnArchiveTheAnswerIsAConflictThatSaysWhatToSet() {
		try (WebTestApplication application = WebTestApplication.start("structured-logging.file.directory=" + this.logs)) {
			HttpResponse<String> response = new LogApi(application.port(), "ops", "ops-pass").get("/archive/verify");
			assertThat(response.statusCode()).isEqualTo(409);
			assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
					(type) -> assertThat(type).startsWith("application/problem+json"));
			assertThat(LogApi.parse(response.body()).path("detail").asString())
				.contains("structured-logging.archive.directory");
		}
	}

	@Test
	void withAnArchiveItsVerificationIsServed() {
		try (WebTestApplication application = WebTestApplication.start("structured-logging.file.directory=" + this.logs,
				"structured-logging.archive.directory=" + this.archive)) {
			LogApi api = new LogApi(application.port(), "ops", "ops-pass");
			JsonNode verification = api.json("/archive/verify");
			assertThat(verification.path("valid").asBoolean()).isTrue();
			assertThat(verification.path("files").asInt()).isZero();
			assertThat(verification.has("missing") && verification.has("added") && verification.has("changed")).isTrue();
			assertThat(new LogApi(application.port(), "alice", "alice-pass").get("/archive/verify").statusCode())
				.isEqualTo(403);
		}
	}

}
