package io.github.structuredlogging.benchmarks.jmh;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import com.sun.net.httpserver.HttpServer;
import io.github.structuredlogging.json.JsonLayout;
import io.github.structuredlogging.json.ServiceIdentity;
import io.github.structuredlogging.json.StackTraceOptions;
import io.github.structuredlogging.json.StructuredJsonEncoders;
import io.github.structuredlogging.masking.MaskingEngine;
import io.github.structuredlogging.masking.MaskingSettings;
import io.github.structuredlogging.shipping.HttpBackend;
import io.github.structuredlogging.shipping.Shipment;
import io.github.structuredlogging.shipping.Shipper;
import io.github.structuredlogging.shipping.ShippingEvent;
import io.github.structuredlogging.shipping.ShippingException;
import io.github.structuredlogging.shipping.elasticsearch.ElasticsearchShipper;
import io.github.structuredlogging.shipping.elasticsearch.IndexNaming;
import io.github.structuredlogging.shipping.loki.LokiJsonFormat;
import io.github.structuredlogging.shipping.loki.LokiLabels;
import io.github.structuredlogging.shipping.loki.LokiShipper;
import io.github.structuredlogging.shipping.otlp.OtlpShipper;
import io.github.structuredlogging.shipping.tcp.TcpShipper;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.exporter.otlp.http.logs.OtlpHttpLogRecordExporter;
import io.opentelemetry.sdk.resources.Resource;
import net.logstash.logback.encoder.LoggingEventCompositeJsonEncoder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One batch of 1,000 realistic JSON lines (as the files hold them: encoded and masked)
 * shipped per operation, by each shipper, to a sink on the loopback address that takes
 * the request and answers as the backend would. Events per second are the operations per
 * second times 1,000; the time per event includes parsing each line, building the
 * backend's request and the round trip.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ShippingBenchmark {

	private static final int BATCH = 1000;

	@Param({ "elasticsearch", "loki", "otlp", "tcp" })
	String shipper;

	private final List<byte[]> lines = new ArrayList<>();

	private HttpServer http;

	private ServerSocket tcp;

	private Shipper target;

	@Setup(Level.Trial)
	public void setUp() throws IOException {
		LoggerContext context = LogEvents.context();
		LoggingEventCompositeJsonEncoder encoder = StructuredJsonEncoders.create(JsonLayout.DEFAULT,
				new ServiceIdentity("orders-service", "1.4.2", "production", "orders-7d9f"),
				new StackTraceOptions(false, 64, 16384, List.of()), new MaskingEngine(MaskingSettings.defaults()));
		encoder.setContext(context);
		encoder.start();
		for (ILoggingEvent event : LogEvents.events(context, BATCH, 10)) {
			byte[] line = encoder.encode(event);
			this.lines.add(java.util.Arrays.copyOf(line, line.length - 1));
		}
		// Without it, the sink's answer waits for the client's delayed ACK (about 40 ms).
		System.setProperty("sun.net.httpserver.nodelay", "true");
		this.http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.http.createContext("/", (exchange) -> {
			try (exchange; InputStream body = exchange.getRequestBody()) {
				body.transferTo(java.io.OutputStream.nullOutputStream());
				byte[] answer = exchange.getRequestURI().getPath().startsWith("/_bulk") ? "{\"errors\":false}".getBytes()
						: new byte[0];
				exchange.sendResponseHeaders(exchange.getRequestURI().getPath().startsWith("/loki") ? 204 : 200,
						(answer.length == 0) ? -1 : answer.length);
				exchange.getResponseBody().write(answer);
			}
		});
		this.http.start();
		this.tcp = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		Thread drain = new Thread(this::drainTcp, "tcp-sink");
		drain.setDaemon(true);
		drain.start();
		URI base = URI.create("http://127.0.0.1:" + this.http.getAddress().getPort());
		this.target = switch (this.shipper) {
			case "elasticsearch" -> new ElasticsearchShipper(backend(base), IndexNaming.of("orders-service", "production",
					false), JsonLayout.DEFAULT, false);
			case "loki" -> new LokiShipper(backend(base), LokiLabels.of(LokiLabels.DEFAULTS), new LokiJsonFormat(),
					256 * 1024);
			case "otlp" -> new OtlpShipper(OtlpHttpLogRecordExporter.builder()
				.setEndpoint(base + "/v1/logs")
				.setRetryPolicy(null)
				.build(), Resource.create(Attributes.empty()), Duration.ofSeconds(10));
			default -> new TcpShipper(List.of(new InetSocketAddress("127.0.0.1", this.tcp.getLocalPort())), false,
					Duration.ofSeconds(10));
		};
	}

	@Benchmark
	public Shipment ship() throws ShippingException {
		// New events each time: each parses its line once, as in the delivery.
		List<ShippingEvent> batch = new ArrayList<>(BATCH);
		for (byte[] line : this.lines) {
			batch.add(new ShippingEvent(line, null));
		}
		return this.target.ship(batch);
	}

	@TearDown(Level.Trial)
	public void tearDown() throws IOException {
		this.target.close();
		this.http.stop(0);
		this.tcp.close();
	}

	private static HttpBackend backend(URI base) {
		return new HttpBackend(base, HttpBackend.Credentials.NONE, Map.of(), Duration.ofSeconds(10));
	}

	private void drainTcp() {
		while (!this.tcp.isClosed()) {
			try (Socket socket = this.tcp.accept(); InputStream in = socket.getInputStream()) {
				in.transferTo(java.io.OutputStream.nullOutputStream());
			}
			catch (IOException ex) {
				// Closed at the end of the trial.
			}
		}
	}

}
