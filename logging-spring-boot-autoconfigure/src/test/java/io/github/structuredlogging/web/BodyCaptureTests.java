package io.github.structuredlogging.web;

import java.net.http.HttpResponse;

import io.github.structuredlogging.testing.ConsoleOutput;
import io.github.structuredlogging.testing.HttpCalls;
import io.github.structuredlogging.testing.PerformanceLines;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Opt-in capture of textual bodies in the performance line.
 */
@ExtendWith(OutputCaptureExtension.class)
class BodyCaptureTests {

	private static WebTestApplication application;

	private static HttpCalls http;

	@BeforeAll
	static void start() {
		application = WebTestApplication.start("structured-logging.http.body.enabled=true",
				"structured-logging.http.body.max-size=64B");
		http = new HttpCalls(application.port());
	}

	@AfterAll
	static void stop() {
		application.close();
	}

	@Test
	void textualBodiesAreWrittenUpToTheCap(CapturedOutput output) {
		HttpResponse<String> response = http.post("/echo", "application/json", "{\"item\":\"book\",\"quantity\":2}");
		assertThat(response.body()).hasSizeGreaterThan(200);
		JsonNode line = PerformanceLines.awaitOnly(output, "/echo");
		assertThat(line.path("http_request_body").asString()).isEqualTo("{\"item\":\"book\",\"quantity\":2}");
		assertThat(line.has("http_request_body_truncated")).isFalse();
		assertThat(line.path("http_response_body").asString()).hasSize(64).isEqualTo(response.body().substring(0, 64));
		assertThat(line.path("http_response_body_truncated").asBoolean()).isTrue();
		assertThat(line.path("response_bytes").asLong()).isEqualTo(response.body().length());
	}

	@Test
	void formBodyReadByTheContainerIsWritten(CapturedOutput output) {
		http.post("/orders/3?source=web", "application/x-www-form-urlencoded", "note=gift");
		assertThat(PerformanceLines.awaitOnly(output, "/orders/3").path("http_request_body").asString())
			.isEqualTo("note=gift");
	}

	@Test
	void multipartAndBinaryBodiesAreNeverWritten(CapturedOutput output) {
		String boundary = "boundary42";
		String multipart = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n"
				+ "Content-Type: text/plain\r\n\r\nsecret file content\r\n--" + boundary + "--\r\n";
		assertThat(http.post("/upload", "multipart/form-data; boundary=" + boundary, multipart).body())
			.isEqualTo("stored 19");
		http.get("/image");
		assertThat(PerformanceLines.awaitOnly(output, "/upload").has("http_request_body")).isFalse();
		assertThat(PerformanceLines.awaitOnly(output, "/image").has("http_response_body")).isFalse();
		assertThat(ConsoleOutput.written(output)).doesNotContain("secret file content");
	}

}
