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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.xerial.snappy.Snappy;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A receiver that speaks Loki's push API ({@code POST /loki/api/v1/push}: JSON, gzip
 * accepted, or protobuf compressed with snappy), for the tests: no Loki server can be installed here. It keeps every push it
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
			String contentType = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
			boolean json = contentType.startsWith("application/json");
			boolean protobuf = contentType.startsWith("application/x-protobuf");
			if (!"POST".equals(exchange.getRequestMethod()) || !(json || protobuf)) {
				exchange.sendResponseHeaders(400, -1);
				return;
			}
			this.pushes.add(new Push(json ? MAPPER.readTree(body) : fromProtobuf(body), contentType,
					exchange.getRequestHeaders().getFirst("X-Scope-OrgID"), System.nanoTime()));
			exchange.sendResponseHeaders(204, -1);
		}
	}

	// Loki's protobuf push, snappy-compressed, as the JSON push it stands for.
	private static JsonNode fromProtobuf(byte[] body) throws IOException {
		com.github.loki4j.pkg.loki.protobuf.Push.PushRequest request = com.github.loki4j.pkg.loki.protobuf.Push.PushRequest
			.parseFrom(Snappy.uncompress(body));
		ObjectNode push = MAPPER.createObjectNode();
		ArrayNode streams = push.putArray("streams");
		for (var stream : request.getStreamsList()) {
			ObjectNode converted = streams.addObject();
			converted.set("stream", labels(stream.getLabels()));
			ArrayNode values = converted.putArray("values");
			for (var entry : stream.getEntriesList()) {
				ArrayNode value = values.addArray();
				value.add(Long.toString(entry.getTimestamp().getSeconds() * 1_000_000_000L + entry.getTimestamp().getNanos()));
				value.add(entry.getLine());
				ObjectNode metadata = value.addObject();
				entry.getStructuredMetadataList().forEach((pair) -> metadata.put(pair.getName(), pair.getValue()));
			}
		}
		return push;
	}

	// {name="value", ...}, values quoted as in PromQL.
	private static ObjectNode labels(String text) {
		ObjectNode labels = MAPPER.createObjectNode();
		Matcher pair = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(text);
		while (pair.find()) {
			labels.put(pair.group(1), pair.group(2).replace("\\\"", "\"").replace("\\n", "\n").replace("\\\\", "\\"));
		}
		return labels;
	}

	private static JsonNode parse(String line) {
		return MAPPER.readTree(line);
	}

	/**
	 * One push taken.
	 *
	 * @param body the push's JSON (a protobuf push as the JSON it stands for)
	 * @param contentType its content type
	 * @param tenant its {@code X-Scope-OrgID}
	 * @param receivedAt when it arrived, in nanoseconds of {@link System#nanoTime()}
	 */
	public record Push(JsonNode body, String contentType, String tenant, long receivedAt) {

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
