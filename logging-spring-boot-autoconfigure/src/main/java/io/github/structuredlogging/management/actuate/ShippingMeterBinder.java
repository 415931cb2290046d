package io.github.structuredlogging.management.actuate;

import java.util.function.ToDoubleFunction;

import io.github.structuredlogging.shipping.ShipperReport;
import io.github.structuredlogging.shipping.Shipping;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Publishes each shipper's figures, tagged with the shipper:
 * {@code structured.logging.shipping.events} by outcome ({@code sent}, {@code duplicate},
 * {@code rejected}, {@code dropped}), {@code structured.logging.shipping.failures},
 * {@code structured.logging.shipping.queued} and {@code structured.logging.shipping.lag}
 * (seconds). Read when scraped.
 */
public final class ShippingMeterBinder implements MeterBinder {

	private final Shipping shipping;

	/**
	 * Create a binder.
	 * @param shipping the shippers
	 */
	public ShippingMeterBinder(Shipping shipping) {
		this.shipping = shipping;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (ShipperReport shipper : this.shipping.reports()) {
			String name = shipper.name();
			events(registry, name, "sent", ShipperReport::sent);
			events(registry, name, "duplicate", ShipperReport::duplicates);
			events(registry, name, "rejected", ShipperReport::rejected);
			events(registry, name, "dropped", ShipperReport::dropped);
			FunctionCounter.builder("structured.logging.shipping.failures", this, (binder) -> binder.read(name,
					ShipperReport::failed))
				.description("Attempts to ship a batch that failed")
				.tag("shipper", name)
				.register(registry);
			Gauge.builder("structured.logging.shipping.queued", this, (binder) -> binder.read(name, ShipperReport::queued))
				.description("Events read and not yet stored by the backend")
				.tag("shipper", name)
				.register(registry);
			Gauge.builder("structured.logging.shipping.lag", this, (binder) -> binder.read(name,
					ShipperReport::lagSeconds))
				.description("Age of the oldest event not yet stored by the backend")
				.baseUnit("seconds")
				.tag("shipper", name)
				.register(registry);
		}
	}

	private void events(MeterRegistry registry, String name, String outcome, ToDoubleFunction<ShipperReport> figure) {
		FunctionCounter.builder("structured.logging.shipping.events", this, (binder) -> binder.read(name, figure))
			.description("Events shipped, by what the backend did with them")
			.tag("shipper", name)
			.tag("outcome", outcome)
			.register(registry);
	}

	private double read(String name, ToDoubleFunction<ShipperReport> figure) {
		ShipperReport report = this.shipping.report(name);
		return (report != null) ? figure.applyAsDouble(report) : 0;
	}

}
