package io.github.structuredlogging.shipping.loki;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.structuredlogging.shipping.HttpBackend;
import io.github.structuredlogging.shipping.Shipment;
import io.github.structuredlogging.shipping.Shipper;
import io.github.structuredlogging.shipping.ShippingEvent;
import io.github.structuredlogging.shipping.ShippingException;

/**
 * Ships to Grafana Loki with the push API ({@code POST /loki/api/v1/push}, JSON or
 * protobuf): events grouped into streams by their labels, each value the JSON line as
 * written, with the correlation, trace and span IDs as structured metadata (never
 * labels).
 */
public final class LokiShipper implements Shipper {

	private final HttpBackend backend;

	private final LokiLabels labels;

	private final LokiFormat format;

	private final int maxLineBytes;

	/**
	 * Create a shipper.
	 * @param backend Loki, with its tenant header when there is one
	 * @param labels the labels
	 * @param format how a push is written
	 * @param maxLineBytes the longest line Loki takes
	 */
	public LokiShipper(HttpBackend backend, LokiLabels labels, LokiFormat format, int maxLineBytes) {
		this.backend = backend;
		this.labels = labels;
		this.format = format;
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
		HttpBackend.Answer answer = this.backend.send("POST", "/loki/api/v1/push", this.format.contentType(),
				push(batch));
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
		return this.format.push(streams);
	}

}
