package io.github.structuredlogging.shipping.loki;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.structuredlogging.json.LogField;
import io.github.structuredlogging.shipping.ShippingEvent;

/**
 * How a push to Loki is written: JSON, or protobuf compressed with snappy.
 */
public interface LokiFormat {

	/**
	 * Return the push's content type.
	 * @return the content type
	 */
	String contentType();

	/**
	 * Write a push.
	 * @param streams the events of each label set, in the order they were written
	 * @return the body
	 */
	byte[] push(Map<Map<String, String>, List<ShippingEvent>> streams);

	/**
	 * Return when an event happened, as Loki orders it.
	 * @param event the event
	 * @return its timestamp, the time now for a line without one
	 */
	static Instant timestamp(ShippingEvent event) {
		Instant timestamp = event.timestamp();
		return (timestamp != null) ? timestamp : Instant.now();
	}

	/**
	 * Return an event's structured metadata: the IDs of its request, when it has them.
	 * @param event the event
	 * @return the metadata, by name
	 */
	static Map<String, String> metadata(ShippingEvent event) {
		Map<String, String> metadata = new LinkedHashMap<>();
		for (LogField field : LokiLabels.METADATA) {
			String value = event.text(field);
			if (value != null) {
				metadata.put(field.key(), value);
			}
		}
		return metadata;
	}

}
