package io.github.structuredlogging.web;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.github.structuredlogging.testing.ConsoleOutput;
import io.github.structuredlogging.testing.HttpCalls;
import io.github.structuredlogging.testing.JsonLines;
import io.github.structuredlogging.testing.MaskingCorpus;
import io.github.structuredlogging.testing.MaskingCorpus.Sensitive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static net.logstash.logback.argument.StructuredArguments.kv;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

/**
 * Plants every value of the sensitive corpus in every place a real application logs it,
 * and reads every output: not one value may appear, and each place shows its mask.
 */
@ExtendWith(OutputCaptureExtension.class)
class MaskingEndToEndTests {

	private static final Logger log = LoggerFactory.getLogger("com.example.payments.PaymentService");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@TempDir
	Path logs;

	@Test
	void noSensitiveValueReachesAnyOutputAndEachPlaceShowsItsMask(CapturedOutput output) throws IOException {
		List<Sensitive> corpus = MaskingCorpus.sensitiveValues();
		try (WebTestApplication application = WebTestApplication.start("server.tomcat.threads.max=1",
				"structured-logging.file.directory=" + this.logs, "structured-logging.http.body.enabled=true",
				"structured-logging.http.body.max-size=8KB")) {
			HttpCalls http = new HttpCalls(application.port());
			for (int i = 0; i < corpus.size(); i++) {
				plantInLogCalls(i, corpus.get(i).value());
				plantInRequests(http, i, corpus.get(i).value());
			}
			// One request thread: once this line is written, every earlier one is too.
			http.get("/orders/0", "X-Correlation-ID", "corpus-done");
			io.github.structuredlogging.testing.PerformanceLines.awaitOnly(output, "/orders/0");
		}
		List<String> outputs = new ArrayList<>(List.of(ConsoleOutput.written(output)));
		for (String file : List.of("application.json", "error.json", "performance.json")) {
			outputs.add(Files.readString(this.logs.resolve(file)));
		}
		JsonLines console = JsonLines.parse(ConsoleOutput.written(output));
		JsonLines application = JsonLines.read(this.logs.resolve("application.json"));
		assertSoftly((softly) -> {
			for (int i = 0; i < corpus.size(); i++) {
				Sensitive sensitive = corpus.get(i);
				for (String text : outputs) {
					softly.assertThat(text).as("raw %s in an output", sensitive).doesNotContain(sensitive.value());
				}
				for (JsonLines lines : List.of(console, application)) {
					String masked = sensitive.masked();
					softly.assertThat(message(lines, "message #" + i + " " + masked)).as("message of %s", sensitive)
						.isNotNull();
					softly.assertThat(message(lines, "argument #" + i + " " + masked)).as("argument of %s", sensitive)
						.isNotNull();
					softly.assertThat(field(lines, "mdc #" + i, "note")).as("MDC of %s", sensitive).isEqualTo(masked);
					softly.assertThat(field(lines, "key-value #" + i, "detail")).as("key-value of %s", sensitive)
						.isEqualTo(masked);
					softly.assertThat(field(lines, "structured #" + i + " argument_detail=" + masked, "argument_detail"))
						.as("structured argument of %s", sensitive)
						.isEqualTo(masked);
					softly.assertThat(field(lines, "failed #" + i, "error_message")).as("exception message of %s", sensitive)
						.isEqualTo("declined with " + masked);
					softly.assertThat(field(lines, "failed #" + i, "stack_trace")).as("stack trace of %s", sensitive)
						.contains("declined with " + masked);
					softly.assertThat(request(lines, "corpus-" + i + "-header", "user_agent")).as("header of %s", sensitive)
						.isEqualTo(masked);
					softly.assertThat(request(lines, "corpus-" + i + "-query", "http_query")).as("query of %s", sensitive)
						.isEqualTo("note=" + masked);
					softly.assertThat(request(lines, "corpus-" + i + "-body", "http_request_body"))
						.as("request body of %s", sensitive)
						.contains(jsonString(masked));
					softly.assertThat(request(lines, "corpus-" + i + "-body", "http_response_body"))
						.as("response body of %s", sensitive)
						.contains(jsonString(masked));
				}
			}
		});
	}

	@Test
	void sensitiveKeysAreMaskedWhateverTheirValue(CapturedOutput output) {
		try (WebTestApplication application = WebTestApplication.start()) {
			MDC.put("password", "hunter2");
			try {
				log.atInfo()
					.addKeyValue("client_secret", 987654321L)
					.addKeyValue("order", java.util.Map.of("card_number", "1234", "item", "book"))
					.addKeyValue("paid_with", 4111111111111111L)
					.log("Keys");
			}
			finally {
				MDC.remove("password");
			}
		}
		JsonNode line = JsonLines.parse(ConsoleOutput.written(output)).withMessage("Keys");
		assertThat(line.path("password").asString()).isEqualTo("[REDACTED]");
		assertThat(line.path("client_secret").asString()).isEqualTo("[REDACTED]");
		assertThat(line.path("order").path("card_number").asString()).isEqualTo("[REDACTED]");
		assertThat(line.path("order").path("item").asString()).isEqualTo("book");
		assertThat(line.path("paid_with").asString()).as("a card number as a number").isEqualTo("[REDACTED]");
	}

	@Test
	void lookAlikesComeThroughUnchanged(CapturedOutput output) {
		List<String> lookAlikes = MaskingCorpus.lookAlikes();
		try (WebTestApplication application = WebTestApplication.start()) {
			for (int i = 0; i < lookAlikes.size(); i++) {
				log.atInfo().addKeyValue("detail", lookAlikes.get(i)).log("look-alike #{} {}", i, lookAlikes.get(i));
			}
		}
		JsonLines lines = JsonLines.parse(ConsoleOutput.written(output));
		for (int i = 0; i < lookAlikes.size(); i++) {
			String value = lookAlikes.get(i);
			JsonNode line = lines.withMessage("look-alike #" + i + " " + value);
			assertThat(line.path("detail").asString()).isEqualTo(value);
		}
	}

	private static void plantInLogCalls(int i, String value) {
		log.info("message #" + i + " " + value);
		log.info("argument #{} {}", i, value);
		MDC.put("note", value);
		try {
			log.info("mdc #{}", i);
		}
		finally {
			MDC.remove("note");
		}
		log.atInfo().addKeyValue("detail", value).log("key-value #{}", i);
		log.info("structured #{} {}", i, kv("argument_detail", value));
		log.error("failed #" + i, new IllegalStateException("declined with " + value));
	}

	private static void plantInRequests(HttpCalls http, int i, String value) {
		http.get("/orders/1", "X-Correlation-ID", "corpus-" + i + "-header", "User-Agent", value);
		http.get("/orders/2?note=" + URLEncoder.encode(value, StandardCharsets.UTF_8), "X-Correlation-ID",
				"corpus-" + i + "-query");
		http.post("/echo", "application/json", "{\"note\":" + jsonString(value) + "}", "X-Correlation-ID",
				"corpus-" + i + "-body");
	}

	private static String jsonString(String value) {
		return JSON.writeValueAsString(value);
	}

	private static JsonNode message(JsonLines lines, String message) {
		return lines.all().stream().filter((line) -> message.equals(line.path("message").asString())).findFirst().orElse(null);
	}

	private static String field(JsonLines lines, String messagePrefix, String field) {
		return lines.all()
			.stream()
			.filter((line) -> line.path("message").asString("").startsWith(messagePrefix))
			.filter((line) -> line.path("message").asString("").length() == messagePrefix.length()
					|| !Character.isDigit(line.path("message").asString().charAt(messagePrefix.length())))
			.map((line) -> line.path(field).asString(null))
			.findFirst()
			.orElse(null);
	}

	private static String request(JsonLines lines, String correlationId, String field) {
		return lines.all()
			.stream()
			.filter((line) -> "performance".equals(line.path("log_stream").asString()))
			.filter((line) -> correlationId.equals(line.path("correlation_id").asString()))
			.map((line) -> line.path(field).asString(null))
			.findFirst()
			.orElse(null);
	}


}
