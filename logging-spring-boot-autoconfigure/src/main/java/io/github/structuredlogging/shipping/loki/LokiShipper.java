package io.github.structuredlogging.shipping.loki;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.structuredlogging.json.LogField;
import io.github.structuredlogging.shipping.HttpBackend;
import io.github.structuredlogging.shipping.Shipment;
import io.github.structuredlogging.shipping.Shipper;
import io.github.structuredlogging.shipping.ShippingEvent;
import io.github.structuredlogging.shipping.ShippingException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Ships to Grafana Loki with the JSON push API ({@code POST /loki/api/v1/push}): events
 * grouped into streams by their labels, each value the JSON line as written, with the
 * correlation, trace and span IDs as structured metadata (never labels).
 */
public final class LokiShipper implements Shipper {

	/** Loki's default {@code max_line_size}. */
	public static final int DEFAULT_MAX_LINE_BYTES = 256 * 1024;

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private final HttpBackend backend;

	private final LokiLabels labels;

	private final int maxLineBytes;

	/**
	 * Create a shipper.
	 * @param backend Loki, with its tenant header when there is one
	 * @param labels the labels
	 * @param maxLineBytes the longest line Loki takes
	 */
	public LokiShipper(HttpBackend backend, LokiLabels labels, int maxLineBytes) {
		this.backend = backend;
		this.labels = labels;
		this.maxLineBytes = maxLineBytes;
	}

	@Override
	public String name() {
		return "loki";
	}

	@Override
	public int maxEventBytes() {
		return this.maxLineBytes;
	}

	@Override
	public Shipment ship(List<ShippingEvent> batch) throws ShippingException {
		HttpBackend.Answer answer = this.backend.send("POST", "/loki/api/v1/push", "application/json", push(batch));
		if (!answer.ok()) {
			// Loki refuses a batch for its content (too old, too long, out of order): sending
			// it again would not change that.
			return Shipment.rejected(batch.size(), "push answered " + answer.status() + ": " + answer.excerpt());
		}
		return Shipment.accepted(batch.size());
	}

	private byte[] push(List<ShippingEvent> batch) {
		Map<Map<String, String>, List<ShippingEvent>> streams = new LinkedHashMap<>();
		for (ShippingEvent event : batch) {
			streams.computeIfAbsent(this.labels.of(event), (key) -> new ArrayList<>()).add(event);
		}
		ByteArrayOutputStream body = new ByteArrayOutputStream(batch.size() * 600);
		try (JsonGenerator json = MAPPER.createGenerator(body)) {
			json.writeStartObject();
			json.writeArrayPropertyStart("streams");
			for (Map.Entry<Map<String, String>, List<ShippingEvent>> stream : streams.entrySet()) {
				json.writeStartObject();
				json.writeObjectPropertyStart("stream");
				for (Map.Entry<String, String> label : stream.getKey().entrySet()) {
					json.writeStringProperty(label.getKey(), label.getValue());
				}
				json.writeEndObject();
				json.writeArrayPropertyStart("values");
				for (ShippingEvent event : stream.getValue()) {
					json.writeStartArray();
					json.writeString(nanos(event));
					json.writeString(event.text());
					json.writeStartObject();
					for (LogField field : LokiLabels.METADATA) {
						String value = event.text(field);
						if (value != null) {
							json.writeStringProperty(field.key(), value);
						}
					}
					json.writeEndObject();
					json.writeEndArray();
				}
				json.writeEndArray();
				json.writeEndObject();
			}
			json.writeEndArray();
			json.writeEndObject();
		}
		return body.toByteArray();
	}

	private static String nanos(ShippingEvent event) {
		String timestamp = event.text(LogField.TIMESTAMP);
		Instant instant;
		try {
			instant = (timestamp != null) ? Instant.parse(timestamp) : Instant.now();
		}
		catch (DateTimeParseException ex) {
			instant = Instant.now();
		}
		return Long.toString(instant.getEpochSecond() * 1_000_000_000L + instant.getNano());
	}

}
