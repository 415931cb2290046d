package io.github.structuredlogging.shipping.otlp;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.structuredlogging.shipping.Shipment;
import io.github.structuredlogging.shipping.Shipper;
import io.github.structuredlogging.shipping.ShippingEvent;
import io.github.structuredlogging.shipping.ShippingException;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.logs.export.LogRecordExporter;
import io.opentelemetry.sdk.resources.Resource;

/**
 * Ships log records over OTLP with OpenTelemetry's own exporter. The exporter's own
 * retries are off: a batch that fails is sent again by the delivery, which keeps the read
 * position, so nothing is dropped the way an exporter behind a batch processor drops.
 */
public final class OtlpShipper implements Shipper {

	private final LogRecordExporter exporter;

	private final Resource resource;

	private final Duration timeout;

	/**
	 * Create a shipper.
	 * @param exporter the exporter, OTLP over HTTP or gRPC
	 * @param resource the resource of every record: service and host
	 * @param timeout how long to wait for an export
	 */
	public OtlpShipper(LogRecordExporter exporter, Resource resource, Duration timeout) {
		this.exporter = exporter;
		this.resource = resource;
		this.timeout = timeout;
	}

	@Override
	public String name() {
		return "otlp";
	}

	@Override
	public Shipment ship(List<ShippingEvent> batch) throws ShippingException {
		long observed = System.currentTimeMillis() * 1_000_000L;
		List<LogRecordData> records = new ArrayList<>(batch.size());
		for (ShippingEvent event : batch) {
			records.add(OtlpLogRecords.of(event, this.resource, observed));
		}
		CompletableResultCode result = this.exporter.export(records)
			.join(this.timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
		if (result.isSuccess()) {
			return Shipment.accepted(batch.size());
		}
		Throwable failure = result.getFailureThrowable();
		throw new ShippingException("OTLP export failed"
				+ ((failure != null) ? ": " + failure.getMessage() : (result.isDone() ? "" : ": timed out")));
	}

	@Override
	public void close() {
		this.exporter.shutdown().join(5, TimeUnit.SECONDS);
	}

}
