package io.github.structuredlogging.management.fleet;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

import io.github.structuredlogging.json.JsonLayout;
import io.github.structuredlogging.management.Parameters;
import io.github.structuredlogging.shipping.HttpBackend;
import io.github.structuredlogging.shipping.Shipment;
import io.github.structuredlogging.shipping.ShippingEvent;
import io.github.structuredlogging.shipping.elasticsearch.ElasticsearchShipper;
import io.github.structuredlogging.shipping.elasticsearch.IndexNaming;
import io.github.structuredlogging.testing.OpenSearchNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How long fleet reads take over 1,000,000 events in a real OpenSearch node: 800,000
 * application lines and 200,000 performance lines of 20 routes, spread over the last
 * hour, shipped by the real Elasticsearch shipper. Prints the times; asserts nothing about
 * them. Run with
 * {@code ./mvnw -B -pl logging-spring-boot-autoconfigure test -Dtest=FleetReadBenchmark -Dfleet.benchmark=true}.
 */
@EnabledIfSystemProperty(named = "fleet.benchmark", matches = "true")
class FleetReadBenchmark {

	private static final int EVENTS = 1_000_000;

	private static final int EVENTS_PER_REQUEST = 5;

	private static final int RUNS = 20;

	private static final String[] WORDS = { "order", "payment", "stock", "invoice", "customer", "cart", "shipment",
			"refund", "coupon", "address", "loaded", "saved", "checked", "priced", "reserved", "queued", "sent" };

	@TempDir
	Path nodeDirectory;

	@Test
	void readsOverAMillionEvents() throws Exception {
		try (OpenSearchNode node = OpenSearchNode.start(this.nodeDirectory)) {
			HttpBackend backend = new HttpBackend(node.url(), HttpBackend.Credentials.NONE, Map.of(),
					Duration.ofSeconds(60));
			IndexNaming naming = IndexNaming.of("bench-service", "bench", false);
			long loadStart = System.nanoTime();
			load(new ElasticsearchShipper(backend, naming, JsonLayout.DEFAULT, true));
			node.request("POST", "/bench-service-*/_refresh", null);
			System.out.printf("Loaded %,d events in %.0f s%n", EVENTS, (System.nanoTime() - loadStart) / 1e9);
			FleetSearch fleet = new FleetSearch(new FleetClient(backend),
					new FleetScope("bench-service", "bench", naming, JsonLayout.DEFAULT), Clock.systemUTC());
			String correlationId = "request-" + (EVENTS / EVENTS_PER_REQUEST / 2);
			report("/recent?scope=fleet&correlation_id=" + correlationId, () -> fleet.recent(parameters(
					Map.of("scope", "fleet", "correlation_id", correlationId))).count());
			report("/recent?scope=fleet&q=declined", () -> fleet.recent(parameters(
					Map.of("scope", "fleet", "q", "declined", "limit", "100"))).count());
			report("/recent?scope=fleet&q=refund AND declined", () -> fleet.recent(parameters(
					Map.of("scope", "fleet", "q", "refund AND declined", "limit", "100"))).count());
			report("/performance?scope=fleet&window=1h", () -> fleet.performance(parameters(
					Map.of("scope", "fleet", "window", "1h"))).overall().count());
			report("/errors?scope=fleet&window=1h", () -> fleet.errors(parameters(
					Map.of("scope", "fleet", "window", "1h"))).total());
		}
	}

	// Shipped in batches of 5,000 by the shipper, which installs its index template first.
	private static void load(ElasticsearchShipper shipper) throws Exception {
		shipper.prepare();
		Random random = new Random(42);
		Instant now = Instant.now();
		List<ShippingEvent> batch = new ArrayList<>();
		for (int i = 0; i < EVENTS; i++) {
			int request = i / EVENTS_PER_REQUEST;
			// Spread over the hour, oldest first, with the request's lines together.
			Instant at = now.minusMillis(3_500_000L - (3_500_000L * i / EVENTS));
			String line = (i % EVENTS_PER_REQUEST == EVENTS_PER_REQUEST - 1) ? performanceLine(at, request, random)
					: applicationLine(at, request, random);
			batch.add(new ShippingEvent(line.getBytes(StandardCharsets.UTF_8), null));
			if (batch.size() == 5000) {
				Shipment shipment = shipper.ship(batch);
				assertThat(shipment.accepted()).isEqualTo(batch.size());
				batch.clear();
			}
		}
		if (!batch.isEmpty()) {
			shipper.ship(batch);
		}
	}

	private static String applicationLine(Instant at, int request, Random random) {
		String message = WORDS[random.nextInt(WORDS.length)] + " " + WORDS[random.nextInt(WORDS.length)] + " "
				+ random.nextInt(100_000) + ((random.nextInt(1000) == 0) ? " declined" : "");
		boolean failed = random.nextInt(200) == 0;
		return "{\"@timestamp\":\"" + at + "\",\"level\":\"" + (failed ? "ERROR" : "INFO")
				+ "\",\"logger_name\":\"com.example.orders.Service" + random.nextInt(30)
				+ "\",\"thread_name\":\"http-nio-8080-exec-" + random.nextInt(200) + "\",\"message\":\"" + message
				+ "\",\"service_name\":\"bench-service\",\"environment\":\"bench\",\"host_name\":\"bench-"
				+ (request % 4) + "\",\"service_instance_id\":\"bench-" + (request % 4)
				+ "\",\"log_stream\":\"application\",\"correlation_id\":\"request-" + request + "\""
				+ (failed ? ",\"error_type\":\"java.lang.IllegalStateException\",\"error_message\":\"Stock "
						+ random.nextInt(50) + " unavailable\",\"error_fingerprint\":\"" + (random.nextInt(20) + 100000)
						+ "abcdef0123\"" : "")
				+ "}";
	}

	private static String performanceLine(Instant at, int request, Random random) {
		int route = random.nextInt(20);
		double duration = Math.round(Math.exp(random.nextGaussian() + 2.5) * 1000) / 1000.0;
		int status = (random.nextInt(100) == 0) ? 500 : 200;
		String tier = (duration < 100) ? "fast" : (duration < 500) ? "normal" : (duration < 2000) ? "slow" : "very_slow";
		return "{\"@timestamp\":\"" + at + "\",\"level\":\"INFO\",\"logger_name\":"
				+ "\"io.github.structuredlogging.http.RequestPerformance\",\"message\":\"GET /route" + route + " "
				+ status + "\",\"service_name\":\"bench-service\",\"environment\":\"bench\",\"host_name\":\"bench-"
				+ (request % 4) + "\",\"service_instance_id\":\"bench-" + (request % 4)
				+ "\",\"log_stream\":\"performance\",\"correlation_id\":\"request-" + request
				+ "\",\"http_method\":\"GET\",\"http_path\":\"/route" + route + "/" + request + "\",\"http_route\":\"/route"
				+ route + "/{id}\",\"http_status\":" + status + ",\"duration_ms\":" + duration
				+ ",\"performance_tier\":\"" + tier + "\"}";
	}

	private static Parameters parameters(Map<String, String> values) {
		return new Parameters(values, Clock.systemUTC());
	}

	private static void report(String read, Supplier<Object> run) {
		for (int i = 0; i < 3; i++) {
			run.get();
		}
		long[] nanos = new long[RUNS];
		Object result = null;
		for (int i = 0; i < RUNS; i++) {
			long start = System.nanoTime();
			result = run.get();
			nanos[i] = System.nanoTime() - start;
		}
		Arrays.sort(nanos);
		System.out.printf("%-55s median %6.1f ms  p95 %6.1f ms  max %6.1f ms  (result %s)%n", read,
				nanos[RUNS / 2] / 1e6, nanos[(int) (RUNS * 0.95) - 1] / 1e6, nanos[RUNS - 1] / 1e6, result);
	}

}
