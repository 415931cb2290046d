package io.github.structuredlogging.shipping.loki;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.github.structuredlogging.shipping.ShippingEvent;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * A push in Loki's JSON form: each value the timestamp in nanoseconds, the line, and its
 * structured metadata.
 */
public final class LokiJsonFormat implements LokiFormat {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	@Override
	public String contentType() {
		return "application/json";
	}

	@Override
	public byte[] push(Map<Map<String, String>, List<ShippingEvent>> streams) {
		ByteArrayOutputStream body = new ByteArrayOutputStream(8192);
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
					Instant timestamp = LokiFormat.timestamp(event);
					json.writeStartArray();
					json.writeString(Long.toString(timestamp.getEpochSecond() * 1_000_000_000L + timestamp.getNano()));
					json.writeString(event.text());
					json.writeStartObject();
					for (Map.Entry<String, String> metadata : LokiFormat.metadata(event).entrySet()) {
						json.writeStringProperty(metadata.getKey(), metadata.getValue());
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

}
