package io.github.structuredlogging.management;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.github.structuredlogging.audit.AuditLogger;
import io.github.structuredlogging.testing.JsonLines;
import io.github.structuredlogging.testing.LogApi;
import io.github.structuredlogging.web.WebTestApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /audit} and {@code /audit/verify} read the durable audit files, across a
 * restart, and are themselves audited.
 */
class LogApiAuditTests {

	@TempDir
	Path logs;

	@Test
	void recordsOfAnEarlierRunAreReadFromTheFilesFilteredAndPaged() throws Exception {
		try (WebTestApplication first = start()) {
			AuditLogger audit = first.bean(AuditLogger.class);
			for (int i = 1; i <= 5; i++) {
				audit.event("ORDER_REFUNDED").principal("carol").resource("order", "o-" + i).success();
			}
			audit.event("ORDER_REFUNDED").principal("dave").resource("order", "o-6").denied();
			audit.event("CONFIG_CHANGED").principal("carol").success();
		}
		try (WebTestApplication second = start()) {
			LogApi api = new LogApi(second.port(), "ops", "ops-pass");
			JsonNode refunds = api.json("/audit?event=ORDER_REFUNDED&principal=carol&outcome=success&limit=2");
			assertThat(resources(refunds)).containsExactly("o-5", "o-4");
			long cursor = refunds.path("next_cursor").asLong();
			JsonNode next = api.json("/audit?event=ORDER_REFUNDED&principal=carol&outcome=success&limit=2&cursor="
					+ cursor);
			assertThat(resources(next)).containsExactly("o-3", "o-2");
			JsonNode last = api.json("/audit?event=ORDER_REFUNDED&principal=carol&outcome=success&limit=2&cursor="
					+ next.path("next_cursor").asLong());
			assertThat(resources(last)).containsExactly("o-1");
			assertThat(last.path("next_cursor").isNull()).isTrue();
			assertThat(resources(api.json("/audit?outcome=denied"))).containsExactly("o-6");
			assertThat(api.json("/audit?since=1ms").path("records")).isEmpty();
			assertThat(api.get("/audit?cursor=abc").statusCode()).isEqualTo(400);
			assertThat(api.get("/audit?limit=1001").statusCode()).isEqualTo(400);
			for (String overflowing : List.of("400000000000d", "9223372036854775807s", "106751991167301d")) {
				HttpResponse<String> response = api.get("/audit?since=" + overflowing);
				assertThat(response.statusCode()).as(overflowing).isEqualTo(400);
				assertThat(LogApi.parse(response.body()).path("parameter").asString()).isEqualTo("since");
				assertThat(api.get("/recent?until=" + overflowing).statusCode()).as(overflowing).isEqualTo(400);
			}
		}
	}

	@Test
	void verifyChecksTheChainAndTheCallsAreAudited() throws Exception {
		try (WebTestApplication application = start()) {
			LogApi api = new LogApi(application.port(), "ops", "ops-pass");
			application.bean(AuditLogger.class).event("ORDER_REFUNDED").principal("carol").success();
			JsonNode verification = api.json("/audit/verify");
			assertThat(verification.path("valid").asBoolean()).isTrue();
			assertThat(verification.path("records").asLong()).isPositive();
			api.json("/audit?event=ORDER_REFUNDED");
		}
		List<JsonNode> records = JsonLines.read(this.logs.resolve("audit.json")).all();
		assertThat(records).filteredOn((record) -> record.path("audit_event").asString().equals("LOG_API_AUDIT_VERIFIED"))
			.singleElement()
			.satisfies((record) -> assertThat(record.path("audit_principal").asString()).isEqualTo("ops"));
		assertThat(records).filteredOn((record) -> record.path("audit_event").asString().equals("LOG_API_AUDIT_READ"))
			.singleElement()
			.satisfies((record) -> assertThat(record.path("audit_details").path("records").asInt()).isEqualTo(1));
	}

	@Test
	void aTamperedChainIsReportedInvalid() throws Exception {
		try (WebTestApplication first = start()) {
			AuditLogger audit = first.bean(AuditLogger.class);
			audit.event("ORDER_REFUNDED").principal("carol").resource("order", "o-1").success();
			audit.event("ORDER_REFUNDED").principal("carol").resource("order", "o-2").success();
		}
		Path file = this.logs.resolve("audit.json");
		Files.writeString(file, Files.readString(file).replace("\"o-1\"", "\"o-9\""));
		try (WebTestApplication second = start()) {
			HttpResponse<String> response = new LogApi(second.port(), "ops", "ops-pass").get("/audit/verify");
			JsonNode verification = LogApi.parse(response.body());
			assertThat(verification.path("valid").asBoolean()).isFalse();
			assertThat(verification.path("broken_at").asLong()).isEqualTo(2);
		}
	}

	private WebTestApplication start() {
		return WebTestApplication.start("structured-logging.file.directory=" + this.logs);
	}

	private static List<String> resources(JsonNode page) {
		List<String> ids = new ArrayList<>();
		page.path("records").forEach((record) -> ids.add(record.path("audit_resource_id").asString()));
		return ids;
	}

}
