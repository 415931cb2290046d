package io.github.structuredlogging.web;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.structuredlogging.testing.HttpCalls;
import io.github.structuredlogging.testing.JsonLines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request still running when a graceful shutdown starts completes, and its lines reach
 * the files: the writer stops after the web server has drained.
 */
class GracefulShutdownTests {

	@TempDir
	Path logs;

	@Test
	void linesOfARequestThatCompletesDuringAGracefulShutdownAreWritten() throws Exception {
		WebTestApplication application = WebTestApplication.start("server.shutdown=graceful",
				"spring.lifecycle.timeout-per-shutdown-phase=20s", "structured-logging.file.directory=" + this.logs);
		HttpCalls http = new HttpCalls(application.port());
		CompletableFuture<HttpResponse<String>> inFlight = CompletableFuture
			.supplyAsync(() -> http.get("/slow?millis=1500", "X-Correlation-ID", "in-flight-at-shutdown"));
		// Give the request time to reach the handler before the shutdown starts.
		Thread.sleep(500);
		application.close();
		assertThat(inFlight.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
		JsonLines performance = JsonLines.read(this.logs.resolve("performance.json"));
		assertThat(performance.anyMatch((line) -> "in-flight-at-shutdown".equals(line.path("correlation_id").asString())
				&& line.path("http_status").asInt() == 200)).isTrue();
	}

}
