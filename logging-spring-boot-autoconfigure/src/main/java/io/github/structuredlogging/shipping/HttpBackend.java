package io.github.structuredlogging.shipping;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One HTTP backend, reached with the JDK's client: its base URL (credentials in the URL
 * become a basic {@code Authorization} header and never appear in an error), the headers
 * every request carries, and the one answer to what a status means for a batch: 2xx
 * taken; 408, 429, 5xx, 401 and 403 sent again later (honouring {@code Retry-After});
 * any other 4xx refused for good.
 */
public final class HttpBackend {

	private final HttpClient client;

	private final URI base;

	private final Map<String, String> headers;

	private final Duration timeout;

	/**
	 * Create a backend.
	 * @param url the base URL, possibly with {@code user:password@}
	 * @param credentials the credentials to send
	 * @param headers further headers for every request, such as a tenant
	 * @param timeout how long to wait for a connection and for each answer
	 */
	public HttpBackend(URI url, Credentials credentials, Map<String, String> headers, Duration timeout) {
		this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
		this.base = withoutUserInfo(url);
		this.timeout = timeout;
		Map<String, String> all = new LinkedHashMap<>(headers);
		String authorization = credentials.orUserInfo(url.getRawUserInfo()).authorization();
		if (authorization != null) {
			all.put("Authorization", authorization);
		}
		this.headers = Map.copyOf(all);
	}

	/**
	 * Return the base URL, without credentials.
	 * @return the URL
	 */
	public URI base() {
		return this.base;
	}

	/**
	 * Send a request.
	 * @param method the method
	 * @param path the path under the base URL, with its query
	 * @param contentType the body's type
	 * @param body the body
	 * @param extraHeaders headers for this request only, name then value
	 * @return the answer: 2xx, or a 4xx the caller treats as a refusal for good
	 * @throws ShippingException when the request must be sent again later
	 */
	public Answer send(String method, String path, String contentType, byte[] body, String... extraHeaders)
			throws ShippingException {
		Answer answer = exchange(method, path, contentType, body, extraHeaders);
		int status = answer.status();
		if (status / 100 == 2 || (status / 100 == 4 && !sentAgain(status))) {
			return answer;
		}
		throw new ShippingException(method + " " + resolve(path) + " answered " + status + ": " + answer.excerpt(),
				answer.retryAfter());
	}

	/**
	 * Send a request and return whatever the backend answers.
	 * @param method the method
	 * @param path the path under the base URL, with its query
	 * @param contentType the body's type
	 * @param body the body
	 * @param extraHeaders headers for this request only, name then value
	 * @return the answer, whatever its status
	 * @throws ShippingException when the backend cannot be reached
	 */
	public Answer exchange(String method, String path, String contentType, byte[] body, String... extraHeaders)
			throws ShippingException {
		URI uri = resolve(path);
		HttpRequest.Builder request = HttpRequest.newBuilder(uri)
			.timeout(this.timeout)
			.header("Content-Type", contentType)
			.method(method, HttpRequest.BodyPublishers.ofByteArray(body));
		this.headers.forEach(request::header);
		for (int i = 0; i + 1 < extraHeaders.length; i += 2) {
			request.header(extraHeaders[i], extraHeaders[i + 1]);
		}
		try {
			HttpResponse<byte[]> response = this.client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
			return new Answer(response.statusCode(), response.body(),
					retryAfter(response.headers().firstValue("Retry-After").orElse(null)));
		}
		catch (IOException ex) {
			throw new ShippingException(method + " " + uri + " failed: " + describe(ex));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ShippingException(method + " " + uri + " interrupted");
		}
	}

	private static boolean sentAgain(int status) {
		return status == 401 || status == 403 || status == 408 || status == 429;
	}

	private URI resolve(String path) {
		String base = this.base.toString();
		return URI.create(base.endsWith("/") && path.startsWith("/") ? base + path.substring(1)
				: (!base.endsWith("/") && !path.startsWith("/")) ? base + "/" + path : base + path);
	}

	/**
	 * Read a {@code Retry-After} header: seconds, or an HTTP date.
	 * @param value the header's value
	 * @return the wait, {@code null} when there is none or it cannot be read
	 */
	static @Nullable Duration retryAfter(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim())));
		}
		catch (NumberFormatException ex) {
			try {
				ZonedDateTime at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
				Duration wait = Duration.between(ZonedDateTime.now(at.getZone()), at);
				return wait.isNegative() ? Duration.ZERO : wait;
			}
			catch (DateTimeParseException notADate) {
				return null;
			}
		}
	}

	private static String describe(IOException ex) {
		String message = ex.getMessage();
		return ex.getClass().getSimpleName() + ((message != null) ? " " + message : "");
	}

	private static URI withoutUserInfo(URI url) {
		try {
			return new URI(url.getScheme(), null, url.getHost(), url.getPort(), url.getPath(), url.getQuery(), null);
		}
		catch (URISyntaxException ex) {
			throw new IllegalArgumentException("Invalid URL", ex);
		}
	}

	/**
	 * How a backend is authenticated: none, a user and password (HTTP basic), a bearer
	 * token, or an Elasticsearch API key.
	 *
	 * @param username the user, for basic authentication
	 * @param password the password, for basic authentication
	 * @param bearerToken a bearer token
	 * @param apiKey an Elasticsearch API key, already encoded as the server issued it
	 */
	public record Credentials(@Nullable String username, @Nullable String password, @Nullable String bearerToken,
			@Nullable String apiKey) {

		/** No credentials. */
		public static final Credentials NONE = new Credentials(null, null, null, null);

		@Nullable String authorization() {
			if (this.apiKey != null && !this.apiKey.isBlank()) {
				return "ApiKey " + this.apiKey;
			}
			if (this.bearerToken != null && !this.bearerToken.isBlank()) {
				return "Bearer " + this.bearerToken;
			}
			if (this.username != null && !this.username.isBlank()) {
				String pair = this.username + ":" + ((this.password != null) ? this.password : "");
				return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
			}
			return null;
		}

		Credentials orUserInfo(@Nullable String userInfo) {
			if (userInfo == null || authorization() != null) {
				return this;
			}
			int colon = userInfo.indexOf(':');
			String user = URLDecoder.decode((colon >= 0) ? userInfo.substring(0, colon) : userInfo,
					StandardCharsets.UTF_8);
			String password = (colon >= 0) ? URLDecoder.decode(userInfo.substring(colon + 1), StandardCharsets.UTF_8)
					: null;
			return new Credentials(user, password, null, null);
		}

		@Override
		public String toString() {
			return "Credentials[" + ((authorization() != null) ? "******" : "none") + "]";
		}

	}

	/**
	 * A backend's answer.
	 *
	 * @param status the HTTP status
	 * @param body the body
	 * @param retryAfter how long its {@code Retry-After} asked to wait, {@code null} when
	 * it had none
	 */
	public record Answer(int status, byte[] body, @Nullable Duration retryAfter) {

		/**
		 * Return whether the backend took the request.
		 * @return whether the status is 2xx
		 */
		public boolean ok() {
			return this.status / 100 == 2;
		}

		/**
		 * Return the start of the body, for an error message.
		 * @return at most 300 characters
		 */
		public String excerpt() {
			String text = new String(this.body, StandardCharsets.UTF_8).strip();
			return (text.length() > 300) ? text.substring(0, 300) + "..." : text;
		}

	}

}
