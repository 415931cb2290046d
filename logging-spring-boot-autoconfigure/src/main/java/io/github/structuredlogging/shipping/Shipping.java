package io.github.structuredlogging.shipping;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

import io.github.structuredlogging.api.LogStreams;
import io.github.structuredlogging.masking.MaskingEngine;
import io.github.structuredlogging.runtime.StructuredLoggingRuntime;
import org.jspecify.annotations.Nullable;

import org.springframework.context.SmartLifecycle;

/**
 * The shippers of an application, each with its own delivery thread and read position.
 * Started with the application context; stopped after the web server, shipping what is
 * left for at most the drain time. What is still unshipped then stays in the stream file
 * and goes at the next start; without files, it is counted as dropped.
 */
public final class Shipping implements SmartLifecycle {

	private final StructuredLoggingRuntime runtime;

	private final @Nullable Path directory;

	private final Duration drainTimeout;

	private final Duration maxLag;

	private final int queueSize;

	private final UnaryOperator<String> mask;

	private final Clock clock;

	private final List<Delivery> deliveries = new ArrayList<>();

	private volatile boolean running;

	/**
	 * Create the shipping of an application.
	 * @param runtime the logging runtime: its {@code application} stream file is shipped,
	 * or, when it writes none, its writer's lines through a queue
	 * @param drainTimeout how long to go on shipping at shutdown
	 * @param maxLag how far behind a shipper may be before it counts as degraded
	 * @param queueSize the capacity of each shipper's queue when no file is written
	 * @param clock the clock
	 */
	public Shipping(StructuredLoggingRuntime runtime, Duration drainTimeout, Duration maxLag, int queueSize,
			Clock clock) {
		this.runtime = runtime;
		this.directory = runtime.directoryOf(LogStreams.APPLICATION);
		this.drainTimeout = drainTimeout;
		this.maxLag = maxLag;
		this.queueSize = queueSize;
		MaskingEngine masker = runtime.masker();
		this.mask = (masker != null) ? masker::mask : UnaryOperator.identity();
		this.clock = clock;
	}

	/**
	 * Add a shipper. It reads the stream file from where its registry says it stopped, or,
	 * without files, takes every line written from now on through its own queue.
	 * @param shipper the shipper
	 * @param settings how it batches and retries
	 * @return this
	 */
	public Shipping add(Shipper shipper, DeliverySettings settings) {
		if (this.directory != null) {
			try {
				EventSource source = FileEventSource.open(this.directory, shipper.name(), this.runtime.applicationHold());
				this.deliveries.add(new Delivery(shipper, source, "file", settings, this.mask, this.clock));
				return this;
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot read the shipping registry in '" + this.directory
						+ "' (structured-logging.file.directory): " + ex.getMessage(), ex);
			}
		}
		MemoryEventSource queue = new MemoryEventSource(this.queueSize);
		if (!this.runtime.addOutput("STRUCTURED_SHIPPING_" + shipper.name().toUpperCase(Locale.ROOT), queue)) {
			throw new IllegalStateException("Shipping needs the JSON writer: set structured-logging.file.directory, "
					+ "or keep the JSON console (structured-logging.console.format=json) or the event store on");
		}
		this.deliveries.add(new Delivery(shipper, queue, "memory", settings, this.mask, this.clock));
		return this;
	}

	/**
	 * Return what each shipper has done.
	 * @return one report per shipper
	 */
	public List<ShipperReport> reports() {
		return this.deliveries.stream().map(Delivery::report).toList();
	}

	/**
	 * Return what one shipper has done.
	 * @param name the shipper's name
	 * @return its report, {@code null} when there is no shipper of that name
	 */
	public @Nullable ShipperReport report(String name) {
		for (Delivery delivery : this.deliveries) {
			if (delivery.name().equals(name)) {
				return delivery.report();
			}
		}
		return null;
	}

	/**
	 * Return whether a shipper is failing, or further behind than the allowed lag.
	 * @param report the shipper's report
	 * @return whether logging health should show it
	 */
	public boolean degraded(ShipperReport report) {
		return report.failingSince() != null || report.lagSeconds() > this.maxLag.toSeconds();
	}

	@Override
	public void start() {
		this.deliveries.forEach(Delivery::start);
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
		List<Thread> stopping = new ArrayList<>();
		for (Delivery delivery : this.deliveries) {
			Thread thread = new Thread(() -> delivery.stop(this.drainTimeout), "structured-logging-shipping-stop");
			thread.start();
			stopping.add(thread);
		}
		for (Thread thread : stopping) {
			try {
				thread.join();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	// Stops after the web server (whose phase is higher), so that the last requests'
	// events are shipped too.
	@Override
	public int getPhase() {
		return 0;
	}

}
