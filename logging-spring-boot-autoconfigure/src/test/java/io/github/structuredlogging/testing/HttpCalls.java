package io.github.structuredlogging.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A real HTTP client for the tests, against a server on the loopback address.
 */
public final class HttpCalls {

	private final HttpClient client;

	private final int port;

	public HttpCalls(int port) {
		this(port, HttpClient.newHttpClient());
	}

	private HttpCalls(int port, HttpClient client) {
		this.port = port;
		this.client = client;
	}

	/**
	 * Return a client that keeps cookies, as a browser would keep a session.
	 * @param port the server's port
	 * @return the client
	 */
	public static HttpCalls withCookies(int port) {
		return new HttpCalls(port, HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build());
	}

	public HttpResponse<String> get(String path, String... headers) {
		return send(HttpRequest.newBuilder(uri(path)).GET(), headers);
	}

	public HttpResponse<String> post(String path, String contentType, String body, String... headers) {
		return send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofString(body)), headers);
	}

	public HttpResponse<String> delete(String path, String... headers) {
		return send(HttpRequest.newBuilder(uri(path)).DELETE(), headers);
	}

	/**
	 * Return the URI of a path on the server.
	 * @param path the path, with its query
	 * @return the URI
	 */
	public URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	private HttpResponse<String> send(HttpRequest.Builder request, String... headers) {
		if (headers.length > 0) {
			request.headers(headers);
		}
		try {
			return this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public static String basic(String user, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

}
