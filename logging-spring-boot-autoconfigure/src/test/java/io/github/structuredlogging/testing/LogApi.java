package io.github.structuredlogging.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls the log API of a test server as a user holding the log admin role.
 */
public final class LogApi {

	/** The base path of the log API. */
	public static final String BASE = "/api/v1/logs";

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private final HttpCalls http;

	private final String authorization;

	public LogApi(int port, String user, String password) {
		this.http = new HttpCalls(port);
		this.authorization = HttpCalls.basic(user, password);
	}

	public HttpResponse<String> get(String path) {
		return this.http.get(BASE + path, "Authorization", this.authorization);
	}

	public HttpResponse<String> post(String path) {
		return this.http.post(BASE + path, "application/json", "", "Authorization", this.authorization);
	}

	/**
	 * GET a path that must answer 200 and return its JSON body.
	 * @param path the path below the base path, with its query
	 * @return the body
	 */
	public JsonNode json(String path) {
		HttpResponse<String> response = get(path);
		if (response.statusCode() != 200) {
			throw new AssertionError("GET " + path + " answered " + response.statusCode() + ": " + response.body());
		}
		return parse(response.body());
	}

	/**
	 * Return the recent events a query finds.
	 * @param query the query string, unencoded values
	 * @return the events, newest first
	 */
	public List<JsonNode> recent(String query) {
		List<JsonNode> events = new ArrayList<>();
		json("/recent?" + query).path("events").forEach(events::add);
		return events;
	}

	/**
	 * Subscribe to the live tail.
	 * @param query the query string, with its '?', or empty
	 * @return the response, whose body streams the events
	 */
	public HttpResponse<InputStream> stream(String query) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(this.http.uri(BASE + "/stream" + query))
			.header("Authorization", this.authorization)
			.header("Accept", "text/event-stream")
			.timeout(Duration.ofSeconds(30))
			.build();
		return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream());
	}

	/**
	 * Read the live tail up to its next {@code log} event.
	 * @param events the stream's lines
	 * @return the event's JSON line
	 */
	public static JsonNode nextLogEvent(BufferedReader events) throws IOException {
		boolean log = false;
		for (String line = events.readLine(); line != null; line = events.readLine()) {
			if (line.equals("event:log")) {
				log = true;
			}
			else if (log && line.startsWith("data:")) {
				return parse(line.substring("data:".length()));
			}
		}
		throw new AssertionError("The stream ended without an event");
	}

	public static JsonNode parse(String json) {
		return MAPPER.readTree(json);
	}

	/**
	 * Return the elements of a JSON array.
	 * @param array the array, or a missing node
	 * @return the elements, empty for a missing node
	 */
	public static List<JsonNode> elements(JsonNode array) {
		List<JsonNode> elements = new ArrayList<>();
		array.forEach(elements::add);
		return elements;
	}

	/**
	 * Return one route's figures of a {@code /performance} answer.
	 * @param performance the answer
	 * @param route the route
	 * @return its figures, a count of 0 when it is not listed
	 */
	public static JsonNode route(JsonNode performance, String route) {
		for (JsonNode each : performance.path("routes")) {
			if (route.equals(each.path("http_route").asString())) {
				return each;
			}
		}
		return parse("{\"count\":0}");
	}

	public static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
