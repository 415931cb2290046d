package io.github.structuredlogging.web;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import io.github.structuredlogging.api.MaskingRule;
import io.github.structuredlogging.audit.AuditLogger;
import io.github.structuredlogging.testing.ConsoleOutput;
import io.github.structuredlogging.testing.LogApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@link MaskingRule} bean of the application's, for a token format no built-in rule
 * knows, masks that token in every output: console, files, {@code /recent},
 * {@code /stream} and the audit trail.
 */
@ExtendWith(OutputCaptureExtension.class)
class MaskingRuleEndToEndTests {

	private static final String TOKEN = "acme_tok_7f3a9c2e51b04d86";

	private static final String MASKED = "acme_tok_[REDACTED]";

	private static final Logger log = LoggerFactory.getLogger("com.example.partners.PartnerClient");

	@TempDir
	Path logs;

	@Test
	void aRuleBeanMasksItsTokenInEveryOutput(CapturedOutput output) throws Exception {
		try (WebTestApplication application = WebTestApplication.start(WithTokenRule.class,
				"structured-logging.file.directory=" + this.logs)) {
			LogApi api = new LogApi(application.port(), "ops", "ops-pass");
			HttpResponse<InputStream> stream = api.stream("?logger=com.example.partners");
			try (BufferedReader events = new BufferedReader(
					new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
				assertThat(events.readLine()).isEqualTo(":subscribed");
				log.atInfo().addKeyValue("partner_reply", "issued " + TOKEN).log("Partner token " + TOKEN);
				JsonNode streamed = LogApi.nextLogEvent(events);
				assertThat(streamed.path("message").asString()).isEqualTo("Partner token " + MASKED);
				assertThat(streamed.path("partner_reply").asString()).isEqualTo("issued " + MASKED);
			}
			application.bean(AuditLogger.class).event("PARTNER_LINKED").detail("partner_note", "linked with " + TOKEN).success();
			List<JsonNode> recent = api.recent("logger=com.example.partners");
			assertThat(recent).singleElement()
				.satisfies((event) -> assertThat(event.path("message").asString()).isEqualTo("Partner token " + MASKED));
			assertThat(api.get("/recent?q=" + LogApi.encode("acme_tok")).body()).doesNotContain(TOKEN)
				.contains(MASKED);
			JsonNode audit = awaitAuditLine(this.logs.resolve("audit.json"));
			assertThat(audit.path("audit_details").path("partner_note").asString()).isEqualTo("linked with " + MASKED);
			assertThat(api.json("/audit/verify").path("valid").asBoolean()).isTrue();
		}
		assertThat(ConsoleOutput.written(output)).contains("Partner token " + MASKED).doesNotContain(TOKEN);
		for (String file : List.of("application.json", "audit.json")) {
			assertThat(Files.readString(this.logs.resolve(file))).as(file).contains(MASKED).doesNotContain(TOKEN);
		}
	}

	private static JsonNode awaitAuditLine(Path file) throws Exception {
		for (int i = 0; i < 200; i++) {
			if (Files.exists(file)) {
				for (String line : Files.readAllLines(file)) {
					if (line.contains("PARTNER_LINKED")) {
						return LogApi.parse(line);
					}
				}
			}
			Thread.sleep(25);
		}
		throw new AssertionError("No PARTNER_LINKED record in " + file);
	}

	@Configuration(proxyBeanMethods = false)
	@Import(WebTestApplication.Config.class)
	static class WithTokenRule {

		private static final Pattern PARTNER_TOKEN = Pattern.compile("acme_tok_[0-9a-f]{16}");

		@Bean
		MaskingRule partnerTokenRule() {
			return (text) -> text.contains("acme_tok_") ? PARTNER_TOKEN.matcher(text).replaceAll(MASKED) : text;
		}

	}

}
