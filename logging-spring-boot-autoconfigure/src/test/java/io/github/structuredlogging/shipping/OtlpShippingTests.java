package io.github.structuredlogging.shipping;

import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.structuredlogging.testing.HttpCalls;
import io.github.structuredlogging.testing.JsonLines;
import io.github.structuredlogging.testing.OtlpReceiver;
import io.github.structuredlogging.web.WebTestApplication;
import io.opentelemetry.proto.logs.v1.SeverityNumber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Shipping over OTLP/HTTP to a receiver that decodes the protocol's protobuf messages.
 */
class OtlpShippingTests {

	@TempDir
	Path logs;

	@Test
	void recordsCarryBodySeverityAttributesTraceContextAndResource() {
		try (OtlpReceiver collector = OtlpReceiver.start();
				WebTestApplication application = WebTestApplication.start("spring.application.name=search-service",
						"structured-logging.environment=staging", "structured-logging.file.directory=" + this.logs,
						"structured-logging.shipping.otlp.endpoint=" + collector.endpoint(),
						"structured-logging.shipping.otlp.batch-timeout=200ms")) {
			HttpCalls http = new HttpCalls(application.port());
			assertThat(http.get("/orders/5", "X-Correlation-ID", "otlp-one").statusCode()).isEqualTo(200);
			assertThat(http.get("/fail", "X-Correlation-ID", "otlp-error").statusCode()).isEqualTo(500);
			await().atMost(20, TimeUnit.SECONDS).until(() -> of(collector, "otlp-one").size() == 2
					&& !of(collector, "otlp-error").isEmpty());
			JsonNode written = JsonLines.read(this.logs.resolve("application.json"))
				.all()
				.stream()
				.filter((line) -> "otlp-one".equals(line.path("correlation_id").asString())
						&& "Loading order".equals(line.path("message").asString()))
				.findFirst()
				.orElseThrow();
			OtlpReceiver.Received loading = of(collector, "otlp-one").stream()
				.filter((received) -> received.record().getBody().getStringValue().equals("Loading order"))
				.findFirst()
				.orElseThrow();
			assertThat(loading.record().getSeverityNumber()).isEqualTo(SeverityNumber.SEVERITY_NUMBER_INFO);
			assertThat(loading.record().getSeverityText()).isEqualTo("INFO");
			assertThat(HexFormat.of().formatHex(loading.record().getTraceId().toByteArray()))
				.isEqualTo(written.path("trace_id").asString());
			assertThat(HexFormat.of().formatHex(loading.record().getSpanId().toByteArray()))
				.isEqualTo(written.path("span_id").asString());
			assertThat(loading.record().getTimeUnixNano()).isPositive();
			assertThat(loading.scope()).isEqualTo(written.path("logger_name").asString());
			assertThat(loading.attribute("log_stream")).isEqualTo("application");
			assertThat(loading.attribute("thread.name")).isEqualTo(written.path("thread_name").asString());
			assertThat(loading.resourceAttribute("service.name")).isEqualTo("search-service");
			assertThat(loading.resourceAttribute("deployment.environment")).isEqualTo("staging");
			assertThat(loading.resourceAttribute("host.name")).isNotBlank();
			OtlpReceiver.Received performance = of(collector, "otlp-one").stream()
				.filter((received) -> "performance".equals(received.attribute("log_stream")))
				.findFirst()
				.orElseThrow();
			assertThat(performance.record().getAttributesList()
				.stream()
				.filter((attribute) -> attribute.getKey().equals("duration_ms"))
				.findFirst()
				.orElseThrow()
				.getValue()
				.hasDoubleValue()).isTrue();
			OtlpReceiver.Received error = of(collector, "otlp-error").stream()
				.filter((received) -> received.attribute("exception.stacktrace") != null)
				.findFirst()
				.orElseThrow();
			assertThat(error.attribute("exception.type")).isEqualTo("java.lang.IllegalStateException");
			assertThat(error.record().getSeverityNumber()).isEqualTo(SeverityNumber.SEVERITY_NUMBER_ERROR);
		}
	}

	@Test
	void springBootsOwnOtlpLoggingEndpointIsUsedWhenTheStartersIsNotSet() {
		try (OtlpReceiver collector = OtlpReceiver.start();
				WebTestApplication application = WebTestApplication.start(
						"structured-logging.file.directory=" + this.logs,
						"management.opentelemetry.logging.export.otlp.endpoint=" + collector.endpoint(),
						"structured-logging.shipping.otlp.batch-timeout=200ms")) {
			HttpCalls http = new HttpCalls(application.port());
			assertThat(http.get("/orders/6", "X-Correlation-ID", "otlp-boot").statusCode()).isEqualTo(200);
			await().atMost(20, TimeUnit.SECONDS).until(() -> of(collector, "otlp-boot").size() == 2);
		}
	}

	private static List<OtlpReceiver.Received> of(OtlpReceiver collector, String correlationId) {
		return collector.records()
			.stream()
			.filter((received) -> correlationId.equals(received.attribute("correlation_id")))
			.toList();
	}

}
