package io.github.structuredlogging.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import io.github.structuredlogging.runtime.StructuredLoggingRuntime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the sample service on a real port and reads its JSON logs.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "structured-logging.file.directory=")
class SampleApplicationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	StructuredLoggingRuntime logging;

	@Test
	void placingAnOrderLogsItAsJsonWithTypedFields(CapturedOutput output) throws Exception {
		HttpResponse<String> response = placeOrder("{\"item\":\"book\",\"quantity\":2,\"amount\":24.90}");
		assertThat(response.statusCode()).isEqualTo(201);
		JsonNode placed = event(output, "Order placed");
		assertThat(placed.path("service_name").asString()).isEqualTo("orders-service");
		assertThat(placed.path("service_version").asString()).isEqualTo("0.1.0-SNAPSHOT");
		assertThat(placed.path("quantity").isIntegralNumber()).isTrue();
		assertThat(placed.path("order_id").isIntegralNumber()).isTrue();
	}

	@Test
	void failingEndpointLogsAStructuredError(CapturedOutput output) throws Exception {
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/diagnostics/fail"))
			.header("Authorization", basic("customer", "customer-pass")));
		assertThat(response.statusCode()).isEqualTo(500);
		JsonNode failed = event(output, "Order lookup failed");
		assertThat(failed.path("level").asString()).isEqualTo("ERROR");
		assertThat(failed.path("error_type").asString()).isEqualTo("java.lang.IllegalStateException");
		assertThat(failed.path("stack_trace").asString()).contains("DiagnosticsController");
	}

	@Test
	void deletingAnOrderIsAuditedAndCustomersMayNot(CapturedOutput output) throws Exception {
		HttpResponse<String> placed = placeOrder("{\"item\":\"pen\",\"quantity\":1,\"amount\":2.50}");
		long id = JSON.readTree(placed.body()).path("id").asLong();
		assertThat(send(HttpRequest.newBuilder(uri("/api/orders/" + id))
			.header("Authorization", basic("customer", "customer-pass"))
			.DELETE()).statusCode()).isEqualTo(403);
		assertThat(send(HttpRequest.newBuilder(uri("/api/orders/" + id))
			.header("Authorization", basic("admin", "admin-pass"))
			.DELETE()).statusCode()).isEqualTo(204);
		JsonNode deleted = written(output)
			.lines()
			.filter((line) -> line.contains("\"audit_event\":\"DATA_CHANGE\""))
			.map(JSON::readTree)
			.findFirst()
			.orElseThrow();
		assertThat(deleted.path("audit_principal").asString()).isEqualTo("admin");
		assertThat(deleted.path("audit_resource_id").asString()).isEqualTo(String.valueOf(id));
		assertThat(written(output)).contains("\"audit_event\":\"AUTHORIZATION_DENIED\"");
	}

	@Test
	void ordersNeedAnAuthenticatedCustomer() throws Exception {
		assertThat(send(HttpRequest.newBuilder(uri("/api/orders"))).statusCode()).isEqualTo(401);
	}

	// The JSON console is written by the writer thread: flushed first, as the README says.
	private String written(CapturedOutput output) {
		this.logging.flush(Duration.ofSeconds(10));
		return output.getOut();
	}

	private JsonNode event(CapturedOutput output, String message) {
		List<JsonNode> events = written(output).lines().filter((line) -> !line.isBlank()).map(JSON::readTree).toList();
		return events.stream()
			.filter((event) -> message.equals(event.path("message").asString()))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No event '" + message + "'"));
	}

	private HttpResponse<String> placeOrder(String body) throws Exception {
		return send(HttpRequest.newBuilder(uri("/api/orders"))
			.header("Authorization", basic("customer", "customer-pass"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	private static String basic(String user, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

}
