package io.github.structuredlogging.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A webhook server on 127.0.0.1: records the JSON bodies posted to each path, and can be
 * told to fail a number of times first, or to hold requests open until released.
 */
public final class WebhookReceiver implements AutoCloseable {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private final HttpServer server;

	private final ExecutorService executor = Executors.newCachedThreadPool();

	private final Map<String, List<JsonNode>> received = new ConcurrentHashMap<>();

	private final Map<String, List<Map<String, String>>> headers = new ConcurrentHashMap<>();

	private final Map<String, AtomicInteger> failuresLeft = new ConcurrentHashMap<>();

	private final CountDownLatch release = new CountDownLatch(1);

	private final AtomicInteger held = new AtomicInteger();

	public WebhookReceiver() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.setExecutor(this.executor);
		this.server.createContext("/", this::handle);
		this.server.start();
	}

	/**
	 * Return the URL of a path on this server.
	 * @param path the path, such as {@code /critical}
	 * @return the URL
	 */
	public URI url(String path) {
		return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort() + path);
	}

	/**
	 * Answer 500 to the next requests to a path.
	 * @param path the path
	 * @param times how many requests fail
	 */
	public void failFirst(String path, int times) {
		this.failuresLeft.put(path, new AtomicInteger(times));
	}

	/**
	 * Return the bodies posted to a path so far.
	 * @param path the path
	 * @return the bodies, in the order they came
	 */
	public List<JsonNode> bodies(String path) {
		return new ArrayList<>(this.received.getOrDefault(path, List.of()));
	}

	/**
	 * Return the headers of the requests to a path so far.
	 * @param path the path
	 * @return lower-case header names and their first values, per request
	 */
	public List<Map<String, String>> headers(String path) {
		return new ArrayList<>(this.headers.getOrDefault(path, List.of()));
	}

	/**
	 * Return how many requests to a path starting {@code /hang} are being held open now.
	 * @return the number
	 */
	public int held() {
		return this.held.get();
	}

	/**
	 * Let the held requests go.
	 */
	public void release() {
		this.release.countDown();
	}

	@Override
	public void close() {
		release();
		this.server.stop(0);
		this.executor.shutdownNow();
	}

	private void handle(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getPath();
		byte[] body = exchange.getRequestBody().readAllBytes();
		Map<String, String> requestHeaders = new ConcurrentHashMap<>();
		exchange.getRequestHeaders().forEach((name, values) -> requestHeaders.put(name.toLowerCase(), values.get(0)));
		this.headers.computeIfAbsent(path, (key) -> new CopyOnWriteArrayList<>()).add(requestHeaders);
		if (path.startsWith("/hang")) {
			this.held.incrementAndGet();
			try {
				this.release.await(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			finally {
				this.held.decrementAndGet();
			}
		}
		AtomicInteger failures = this.failuresLeft.get(path);
		int status = (failures != null && failures.getAndDecrement() > 0) ? 500 : 204;
		if (status == 204) {
			this.received.computeIfAbsent(path, (key) -> new CopyOnWriteArrayList<>())
				.add(MAPPER.readTree(new String(body, StandardCharsets.UTF_8)));
		}
		exchange.sendResponseHeaders(status, -1);
		exchange.close();
	}

}
