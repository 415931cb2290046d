package io.github.structuredlogging.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;
import io.github.structuredlogging.testing.ConsoleOutput;
import io.github.structuredlogging.testing.HttpCalls;
import io.github.structuredlogging.testing.JsonLines;
import io.github.structuredlogging.testing.PerformanceLines;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Correlation IDs on a real server with a real client.
 */
@ExtendWith(OutputCaptureExtension.class)
class CorrelationIdTests {

	private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

	private static WebTestApplication application;

	private static HttpCalls http;

	@BeforeAll
	static void start() {
		application = WebTestApplication.start("server.tomcat.threads.max=1");
		http = new HttpCalls(application.port());
	}

	@AfterAll
	static void stop() {
		application.close();
	}

	@Test
	void incomingIdIsUsedEchoedAndLogged(CapturedOutput output) {
		HttpResponse<String> response = http.get("/orders/7", "X-Correlation-ID", "checkout-flow-42");
		assertThat(response.headers().firstValue("X-Correlation-ID")).hasValue("checkout-flow-42");
		JsonLines lines = JsonLines.parse(ConsoleOutput.written(output));
		assertThat(lines.withMessage("Loading order").path("correlation_id").asString()).isEqualTo("checkout-flow-42");
		assertThat(PerformanceLines.awaitOnly(output, "/orders/7").path("correlation_id").asString()).isEqualTo("checkout-flow-42");
	}

	@Test
	void newIdIsGeneratedWhenTheHeaderIsMissing(CapturedOutput output) {
		HttpResponse<String> response = http.get("/orders/8");
		String id = response.headers().firstValue("X-Correlation-ID").orElseThrow();
		assertThat(id).matches(UUID_PATTERN);
		assertThat(JsonLines.parse(ConsoleOutput.written(output)).withMessage("Loading order").path("correlation_id").asString())
			.isEqualTo(id);
	}

	@Test
	void requestIdHeaderIsTheFallback() {
		HttpResponse<String> response = http.get("/orders/9", "X-Request-ID", "req-9");
		assertThat(response.headers().firstValue("X-Correlation-ID")).hasValue("req-9");
	}

	@Test
	void forgedOrOverlongIdIsReplacedAndNeverLogged(CapturedOutput output) throws IOException {
		String forged = "abc\" level=ERROR message=forged";
		String response = rawGet("/orders/10", "X-Correlation-ID: " + forged);
		assertThat(response).startsWith("HTTP/1.1 200");
		String overlong = "a".repeat(129);
		HttpResponse<String> second = http.get("/orders/11", "X-Correlation-ID", overlong);
		assertThat(second.statusCode()).isEqualTo(200);
		assertThat(second.headers().firstValue("X-Correlation-ID")).get().asString().matches(UUID_PATTERN);
		JsonLines lines = JsonLines.parse(ConsoleOutput.written(output));
		assertThat(PerformanceLines.awaitOnly(output, "/orders/10").path("correlation_id_rejected").asBoolean()).isTrue();
		assertThat(PerformanceLines.awaitOnly(output, "/orders/10").path("correlation_id").asString()).matches(UUID_PATTERN);
		PerformanceLines.awaitOnly(output, "/orders/11");
		assertThat(ConsoleOutput.written(output)).doesNotContain("message=forged").doesNotContain(overlong);
	}

	@Test
	void unauthorizedResponseFromSpringSecurityCarriesTheId(CapturedOutput output) {
		HttpResponse<String> response = http.get("/secure/profile", "X-Correlation-ID", "denied-1");
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("X-Correlation-ID")).hasValue("denied-1");
		JsonNode line = PerformanceLines.awaitOnly(output, "/secure/profile");
		assertThat(line.path("http_status").asInt()).isEqualTo(401);
		assertThat(line.path("correlation_id").asString()).isEqualTo("denied-1");
	}

	@Test
	void asyncMethodLogsWithTheCallersId(CapturedOutput output) {
		HttpResponse<String> response = http.get("/async-work", "X-Correlation-ID", "async-1");
		JsonNode line = JsonLines.parse(ConsoleOutput.written(output)).withMessage("Working asynchronously");
		assertThat(line.path("correlation_id").asString()).isEqualTo("async-1");
		assertThat(line.path("thread_name").asString()).isEqualTo(response.body());
		assertThat(line.path("thread_name").asString()).doesNotStartWith("http-nio");
	}

	@Test
	void scheduledRunsGetAFreshIdEachTime(CapturedOutput output) {
		await().atMost(10, TimeUnit.SECONDS).until(() -> scheduledIds(output).size() >= 2);
		List<String> ids = scheduledIds(output);
		assertThat(ids).allMatch((id) -> id.matches(UUID_PATTERN));
		assertThat(ids).doesNotHaveDuplicates();
	}

	@ParameterizedTest
	@ValueSource(strings = { "/outbound", "/outbound-resttemplate", "/outbound-webclient" })
	void restClientRestTemplateAndWebClientSendTheIdAndTraceContextDownstream(String client) throws IOException {
		Map<String, String> received = new ConcurrentHashMap<>();
		HttpServer downstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		downstream.createContext("/downstream", (exchange) -> {
			exchange.getRequestHeaders().forEach((name, values) -> received.put(name.toLowerCase(), values.get(0)));
			byte[] body = "ok".getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		downstream.start();
		try {
			HttpResponse<String> response = http.get(client + "?port=" + downstream.getAddress().getPort(),
					"X-Correlation-ID", "outbound-1");
			assertThat(response.body()).isEqualTo("ok");
			assertThat(received).containsEntry("x-correlation-id", "outbound-1");
			String traceId = response.headers().firstValue("X-Trace-ID").orElseThrow();
			assertThat(received.get("traceparent")).contains(traceId);
		}
		finally {
			downstream.stop(0);
		}
	}

	@Test
	void incomingTraceparentBecomesTheTraceIdOfHeaderAndLines(CapturedOutput output) {
		String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
		HttpResponse<String> response = http.get("/orders/12", "traceparent",
				"00-" + traceId + "-00f067aa0ba902b7-01");
		assertThat(response.headers().firstValue("X-Trace-ID")).hasValue(traceId);
		JsonNode line = JsonLines.parse(ConsoleOutput.written(output)).withMessage("Loading order");
		assertThat(line.path("trace_id").asString()).isEqualTo(traceId);
		assertThat(line.path("span_id").asString()).hasSize(16);
	}

	@Test
	void mdcIsEmptyAfterEveryRequestAndNoIdLeaksToTheNextOne(CapturedOutput output) {
		WebTestApplication.MdcProbeFilter.AFTER_REQUEST.clear();
		http.get("/orders/13", "X-Correlation-ID", "first-request");
		HttpResponse<String> second = http.get("/orders/14");
		assertThat(second.headers().firstValue("X-Correlation-ID")).get().isNotEqualTo("first-request");
		await().atMost(10, TimeUnit.SECONDS).until(() -> WebTestApplication.MdcProbeFilter.AFTER_REQUEST.size() == 2);
		assertThat(WebTestApplication.MdcProbeFilter.AFTER_REQUEST).hasSize(2)
			.allSatisfy((mdc) -> assertThat(mdc).doesNotContainKey("correlation_id"));
	}

	private static List<String> scheduledIds(CapturedOutput output) {
		return JsonLines.parse(ConsoleOutput.written(output))
			.all()
			.stream()
			.filter((line) -> "Scheduled run".equals(line.path("message").asString()))
			.map((line) -> line.path("correlation_id").asString())
			.toList();
	}

	// The JDK client refuses such header values; a raw socket sends them as a client could.
	private static String rawGet(String path, String header) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", application.port())) {
			OutputStream out = socket.getOutputStream();
			out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + header + "\r\nConnection: close\r\n\r\n")
				.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			InputStream in = socket.getInputStream();
			return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
		}
	}

}
