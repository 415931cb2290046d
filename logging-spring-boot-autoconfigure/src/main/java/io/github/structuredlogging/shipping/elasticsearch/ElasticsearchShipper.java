package io.github.structuredlogging.shipping.elasticsearch;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.github.structuredlogging.json.JsonLayout;
import io.github.structuredlogging.shipping.HttpBackend;
import io.github.structuredlogging.shipping.Shipment;
import io.github.structuredlogging.shipping.Shipper;
import io.github.structuredlogging.shipping.ShippingEvent;
import io.github.structuredlogging.shipping.ShippingException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Ships to Elasticsearch or OpenSearch with the {@code _bulk} API. Each event is
 * {@code create}d with an ID derived from its line, so that a batch sent again after a
 * failure stores each event once (the second copy is answered 409 and counted as a
 * duplicate). Uses the JDK's HTTP client and Jackson: one endpoint and one NDJSON body do
 * not justify an official client's transport and its dependencies.
 */
public final class ElasticsearchShipper implements Shipper {

	private static final Logger logger = LoggerFactory.getLogger(ElasticsearchShipper.class);

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private static final String BULK = "/_bulk?filter_path=errors,items.*.status,items.*.error.type,items.*.error.reason";

	private final HttpBackend backend;

	private final IndexNaming naming;

	private final JsonLayout layout;

	private final boolean applyTemplate;

	/**
	 * Create a shipper.
	 * @param backend the cluster
	 * @param naming where events go
	 * @param layout the layout the lines are written in, for the template
	 * @param applyTemplate whether to install the index template before the first batch
	 */
	public ElasticsearchShipper(HttpBackend backend, IndexNaming naming, JsonLayout layout, boolean applyTemplate) {
		this.backend = backend;
		this.naming = naming;
		this.layout = layout;
		this.applyTemplate = applyTemplate;
	}

	@Override
	public String name() {
		return "elasticsearch";
	}

	@Override
	public void prepare() throws ShippingException {
		if (!this.applyTemplate) {
			return;
		}
		byte[] template = MAPPER.writeValueAsBytes(IndexTemplate.of(this.naming, this.layout));
		// Whatever the answer, events ship: without the template they are mapped dynamically.
		// Only a cluster that cannot be reached is tried again.
		HttpBackend.Answer answer = this.backend.exchange("PUT", "/_index_template/" + this.naming.templateName(),
				"application/json", template);
		if (!answer.ok()) {
			logger.warn("Index template {} not applied ({}): {}", this.naming.templateName(), answer.status(),
					answer.excerpt());
		}
	}

	@Override
	public Shipment ship(List<ShippingEvent> batch) throws ShippingException {
		HttpBackend.Answer answer = this.backend.send("POST", BULK, "application/x-ndjson", bulkBody(batch));
		if (answer.status() == 413 && batch.size() > 1) {
			// Too large for the cluster's http.max_content_length: halves, in order.
			Shipment first = ship(batch.subList(0, batch.size() / 2));
			Shipment second = ship(batch.subList(batch.size() / 2, batch.size()));
			return new Shipment(first.accepted() + second.accepted(), first.duplicates() + second.duplicates(),
					first.rejected() + second.rejected(),
					(second.rejection() != null) ? second.rejection() : first.rejection());
		}
		if (!answer.ok()) {
			return Shipment.rejected(batch.size(), "_bulk answered " + answer.status() + ": " + answer.excerpt());
		}
		return outcome(answer, batch.size());
	}

	private byte[] bulkBody(List<ShippingEvent> batch) {
		ByteArrayOutputStream body = new ByteArrayOutputStream(batch.size() * 512);
		for (ShippingEvent event : batch) {
			String action = "{\"create\":{\"_index\":\"" + this.naming.of(event) + "\",\"_id\":\"" + event.id()
					+ "\"}}\n";
			body.writeBytes(action.getBytes(StandardCharsets.UTF_8));
			body.writeBytes(event.line());
			body.write('\n');
		}
		return body.toByteArray();
	}

	private Shipment outcome(HttpBackend.Answer answer, int size) throws ShippingException {
		JsonNode result;
		try {
			result = MAPPER.readTree(answer.body());
		}
		catch (JacksonException ex) {
			throw new ShippingException("_bulk answered with a body that is not JSON: " + answer.excerpt());
		}
		if (!result.path("errors").asBoolean(false)) {
			return Shipment.accepted(size);
		}
		int accepted = 0;
		int duplicates = 0;
		int rejected = 0;
		String rejection = null;
		boolean again = false;
		for (JsonNode item : result.path("items")) {
			JsonNode outcome = item.path("create");
			int status = outcome.path("status").asInt(500);
			if (status / 100 == 2) {
				accepted++;
			}
			else if (status == 409) {
				duplicates++;
			}
			else if (status == 429 || status / 100 == 5) {
				again = true;
			}
			else {
				rejected++;
				rejection = reason(outcome.path("error"), status);
			}
		}
		if (again) {
			// The cluster is overloaded: the whole batch again; what it stored now comes
			// back as duplicates.
			throw new ShippingException("_bulk could not store every event now (429 or 5xx per item)");
		}
		return new Shipment(accepted, duplicates, rejected, rejection);
	}

	private static @Nullable String reason(JsonNode error, int status) {
		return status + " " + error.path("type").asString("") + ": " + error.path("reason").asString("");
	}

}
