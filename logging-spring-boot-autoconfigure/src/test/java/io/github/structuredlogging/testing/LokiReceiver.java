package io.github.structuredlogging.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A receiver that speaks Loki's push API ({@code POST /loki/api/v1/push}, JSON, gzip
 * accepted), for the tests: no Loki server can be installed here. It keeps every push it
 * took, and can answer the next pushes with 429 and a {@code Retry-After}.
 */
public final class LokiReceiver implements AutoCloseable {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private final HttpServer server;

	private final List<Push> pushes = new CopyOnWriteArrayList<>();

	private final List<Long> refusedAt = new CopyOnWriteArrayList<>();

	private final AtomicInteger refuse = new AtomicInteger();

	private LokiReceiver(HttpServer server) {
		this.server = server;
	}

	public static LokiReceiver start() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
			LokiReceiver receiver = new LokiReceiver(server);
			server.createContext("/loki/api/v1/push", receiver::push);
			server.start();
			return receiver;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public URI url() {
		return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort());
	}

	/**
	 * Answer the next pushes with 429 and {@code Retry-After: 1}.
	 * @param pushes how many
	 */
	public void refuseNext(int pushes) {
		this.refuse.set(pushes);
	}

	public List<Push> pushes() {
		return this.pushes;
	}

	/**
	 * Return when each refused push arrived.
	 * @return the times, in nanoseconds of {@link System#nanoTime()}
	 */
	public List<Long> refusedAt() {
		return this.refusedAt;
	}

	/**
	 * Return every value taken, with its stream's labels.
	 * @return the entries, in the order they arrived
	 */
	public List<Entry> entries() {
		List<Entry> entries = new ArrayList<>();
		for (Push push : this.pushes) {
			for (JsonNode stream : push.body().path("streams")) {
				for (JsonNode value : stream.path("values")) {
					entries.add(new Entry(stream.path("stream"), value.path(0).asString(),
							parse(value.path(1).asString()), value.path(2), push.receivedAt()));
				}
			}
		}
		return entries;
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	private void push(HttpExchange exchange) throws IOException {
		try (exchange) {
			byte[] body;
			try (InputStream in = "gzip".equals(exchange.getRequestHeaders().getFirst("Content-Encoding"))
					? new GZIPInputStream(exchange.getRequestBody()) : exchange.getRequestBody()) {
				body = in.readAllBytes();
			}
			if (this.refuse.getAndUpdate((left) -> Math.max(0, left - 1)) > 0) {
				this.refusedAt.add(System.nanoTime());
				exchange.getResponseHeaders().add("Retry-After", "1");
				exchange.sendResponseHeaders(429, -1);
				return;
			}
			boolean json = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"))
				.startsWith("application/json");
			if (!"POST".equals(exchange.getRequestMethod()) || !json) {
				exchange.sendResponseHeaders(400, -1);
				return;
			}
			this.pushes.add(new Push(MAPPER.readTree(body), exchange.getRequestHeaders().getFirst("X-Scope-OrgID"),
					System.nanoTime()));
			exchange.sendResponseHeaders(204, -1);
		}
	}

	private static JsonNode parse(String line) {
		return MAPPER.readTree(line);
	}

	/**
	 * One push taken.
	 *
	 * @param body the push's JSON
	 * @param tenant its {@code X-Scope-OrgID}
	 * @param receivedAt when it arrived, in nanoseconds of {@link System#nanoTime()}
	 */
	public record Push(JsonNode body, String tenant, long receivedAt) {

	}

	/**
	 * One value of a stream.
	 *
	 * @param labels the stream's labels
	 * @param timestamp the value's timestamp, in nanoseconds since the epoch
	 * @param line the line, parsed
	 * @param metadata its structured metadata
	 * @param receivedAt when its push arrived
	 */
	public record Entry(JsonNode labels, String timestamp, JsonNode line, JsonNode metadata, long receivedAt) {

	}

}
