package io.github.structuredlogging.management.fleet;

import java.net.URI;
import java.util.List;

import io.github.structuredlogging.shipping.HttpBackend;
import io.github.structuredlogging.shipping.ShippingException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs searches against the log cluster through the shipper's backend (same URL, same
 * credentials): a {@code _search} over index patterns, missing indices counting as empty.
 */
public final class FleetClient {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private final HttpBackend backend;

	/**
	 * Create a client.
	 * @param backend the cluster
	 */
	public FleetClient(HttpBackend backend) {
		this.backend = backend;
	}

	/**
	 * Return the cluster's URL, without credentials.
	 * @return the URL
	 */
	public URI cluster() {
		return this.backend.base();
	}

	/**
	 * Run a search.
	 * @param indices the index patterns, comma-separated
	 * @param body the search, in the query DSL
	 * @return the answer
	 * @throws FleetUnavailableException when the cluster cannot be reached or answers with
	 * an error
	 */
	public JsonNode search(String indices, ObjectNode body) {
		String path = "/" + indices + "/_search?ignore_unavailable=true&allow_no_indices=true";
		HttpBackend.Answer answer;
		try {
			answer = this.backend.exchange("POST", path, "application/json", MAPPER.writeValueAsBytes(body));
		}
		catch (ShippingException ex) {
			throw new FleetUnavailableException("The log cluster at " + this.backend.base()
					+ " cannot be reached: " + ex.getMessage());
		}
		if (!answer.ok()) {
			throw new FleetUnavailableException("The log cluster at " + this.backend.base() + " answered "
					+ answer.status() + ": " + reason(answer));
		}
		try {
			return MAPPER.readTree(answer.body());
		}
		catch (JacksonException ex) {
			throw new FleetUnavailableException("The log cluster at " + this.backend.base()
					+ " answered with something other than JSON");
		}
	}

	// The cluster's own words for a failed search, rather than the start of its answer.
	private static String reason(HttpBackend.Answer answer) {
		try {
			JsonNode error = MAPPER.readTree(answer.body()).path("error");
			for (JsonNode reason : List.of(error.path("failed_shards").path(0).path("reason").path("reason"),
					error.path("root_cause").path(0).path("reason"), error.path("reason"))) {
				if (reason.isString()) {
					return reason.asString();
				}
			}
		}
		catch (JacksonException ex) {
			// Not JSON: its start says what it is.
		}
		return answer.excerpt();
	}

	/**
	 * Return an empty search body to build on.
	 * @return the body
	 */
	static ObjectNode body() {
		return MAPPER.createObjectNode();
	}

}
