package io.github.structuredlogging.shipping.elasticsearch;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.structuredlogging.json.JsonLayout;
import io.github.structuredlogging.shipping.HttpBackend;
import io.github.structuredlogging.shipping.Shipment;
import io.github.structuredlogging.shipping.ShippingEvent;
import io.github.structuredlogging.shipping.ShippingException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * How the shipper reads a cluster's answers that a healthy test node never gives: a
 * refused template, per-item outcomes of {@code _bulk}, and a request too large.
 */
class ElasticsearchShipperTests {

	private final List<String> requests = new CopyOnWriteArrayList<>();

	private HttpServer server;

	@AfterEach
	void stop() {
		if (this.server != null) {
			this.server.stop(0);
		}
	}

	@Test
	void aTemplateTheUserMayNotInstallIsLoggedAndEventsStillShip() throws Exception {
		ElasticsearchShipper shipper = shipper((path) -> path.startsWith("/_index_template") ? answer(403, "{}")
				: answer(200, "{\"errors\":false}"));
		shipper.prepare();
		assertThat(shipper.ship(events(3))).isEqualTo(Shipment.accepted(3));
	}

	@Test
	void eachItemsOutcomeIsCountedAndAnOverloadedItemSendsTheBatchAgain() throws Exception {
		ElasticsearchShipper shipper = shipper((path) -> answer(200, "{\"errors\":true,\"items\":["
				+ "{\"create\":{\"status\":201}},{\"create\":{\"status\":409}},"
				+ "{\"create\":{\"status\":400,\"error\":{\"type\":\"document_parsing_exception\",\"reason\":\"bad field\"}}}]}"));
		Shipment shipment = shipper.ship(events(3));
		assertThat(shipment.accepted()).isEqualTo(1);
		assertThat(shipment.duplicates()).isEqualTo(1);
		assertThat(shipment.rejected()).isEqualTo(1);
		assertThat(shipment.rejection()).contains("document_parsing_exception", "bad field");
		ElasticsearchShipper overloaded = shipper((path) -> answer(200,
				"{\"errors\":true,\"items\":[{\"create\":{\"status\":201}},{\"create\":{\"status\":429}}]}"));
		assertThatExceptionOfType(ShippingException.class).isThrownBy(() -> overloaded.ship(events(2)));
	}

	@Test
	void aBatchTooLargeForTheClusterIsSentInHalvesInOrder() throws Exception {
		ElasticsearchShipper shipper = shipper((body) -> (body.split("\n").length > 4) ? answer(413, "")
				: answer(200, "{\"errors\":false}"));
		assertThat(shipper.ship(events(4))).isEqualTo(Shipment.accepted(4));
		List<String> bulks = this.requests.stream().filter((request) -> request.startsWith("POST")).toList();
		assertThat(bulks).hasSize(3);
		assertThat(bulks.get(1)).contains("\"n\":0").contains("\"n\":1").doesNotContain("\"n\":2");
		assertThat(bulks.get(2)).contains("\"n\":2").contains("\"n\":3");
	}

	private ElasticsearchShipper shipper(Function<String, Answer> answers) throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.createContext("/", (exchange) -> {
			try (exchange) {
				String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
				this.requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + "\n" + body);
				String path = exchange.getRequestURI().getPath();
				reply(exchange, answers.apply(path.startsWith("/_bulk") ? body : path));
			}
		});
		this.server.start();
		HttpBackend backend = new HttpBackend(URI.create("http://127.0.0.1:" + this.server.getAddress().getPort()),
				HttpBackend.Credentials.NONE, Map.of(), Duration.ofSeconds(5));
		return new ElasticsearchShipper(backend, IndexNaming.of("orders", "test", false), JsonLayout.DEFAULT, true);
	}

	private static void reply(HttpExchange exchange, Answer answer) throws IOException {
		byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
		exchange.sendResponseHeaders(answer.status(), (body.length == 0) ? -1 : body.length);
		exchange.getResponseBody().write(body);
	}

	private static Answer answer(int status, String body) {
		return new Answer(status, body);
	}

	private static List<ShippingEvent> events(int count) {
		List<ShippingEvent> events = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			String line = "{\"@timestamp\":\"2026-11-22T08:10:55.324366708Z\",\"level\":\"INFO\",\"n\":" + i + "}";
			events.add(new ShippingEvent(line.getBytes(StandardCharsets.UTF_8), null));
		}
		return events;
	}

	private record Answer(int status, String body) {

	}

}
