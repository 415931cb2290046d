package io.github.structuredlogging.shipping;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The thread that ships one backend's events: it fills a batch from the source until the
 * batch is full or its oldest event has waited long enough, sends it, and sends the same
 * batch again after a backoff until the backend takes it; only then does the source move
 * on. Events therefore reach the backend at least once and in the order they were
 * written.
 */
final class Delivery {

	private static final Logger logger = LoggerFactory.getLogger(Shipping.class);

	private static final Duration POLL_INTERVAL = Duration.ofMillis(200);

	private final Shipper shipper;

	private final EventSource source;

	private final String sourceKind;

	private final DeliverySettings settings;

	private final Backoff backoff;

	private final UnaryOperator<String> mask;

	private final Clock clock;

	private final ShipperStats stats = new ShipperStats();

	private final List<ShippingEvent> batch = new ArrayList<>();

	private final Object wakeUp = new Object();

	private final Thread thread;

	private volatile boolean stopping;

	private volatile long drainUntil;

	private boolean prepared;

	private long batchStartedAt;

	Delivery(Shipper shipper, EventSource source, String sourceKind, DeliverySettings settings,
			UnaryOperator<String> mask, Clock clock) {
		this.shipper = shipper;
		this.source = source;
		this.sourceKind = sourceKind;
		this.settings = settings;
		this.backoff = new Backoff(settings.firstBackoff(), settings.maxBackoff());
		this.mask = mask;
		this.clock = clock;
		this.thread = new Thread(this::run, "structured-logging-shipper-" + shipper.name());
		this.thread.setDaemon(true);
	}

	String name() {
		return this.shipper.name();
	}

	void start() {
		this.thread.start();
	}

	/**
	 * Ship what is left for at most the given time, then stop. Whatever is still unshipped
	 * stays in the stream file for the next start.
	 * @param drain how long to go on shipping
	 */
	void stop(Duration drain) {
		this.drainUntil = this.clock.millis() + drain.toMillis();
		this.stopping = true;
		wake();
		try {
			this.thread.join(drain.toMillis() + 2000);
			if (this.thread.isAlive()) {
				this.thread.interrupt();
				this.thread.join(2000);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			this.source.abandoned(this.batch.size());
			this.shipper.close();
			try {
				this.source.close();
			}
			catch (IOException ex) {
				// Stopping: nothing is read from it any more.
			}
		}
	}

	ShipperReport report() {
		return this.stats.report(this.shipper.name(), this.sourceKind, this.source.backlog(), this.clock.instant());
	}

	private void run() {
		while (!Thread.currentThread().isInterrupted()) {
			if (this.stopping && this.clock.millis() >= this.drainUntil) {
				// What is left stays in the file for the next start.
				return;
			}
			try {
				fill();
				boolean full = this.batch.size() >= this.settings.batchSize();
				boolean waitedEnough = !this.batch.isEmpty() && (this.stopping
						|| this.clock.millis() - this.batchStartedAt >= this.settings.batchTimeout().toMillis());
				if (full || waitedEnough) {
					if (!send()) {
						return;
					}
				}
				else if (this.stopping && this.batch.isEmpty()) {
					return;
				}
				else {
					pause(POLL_INTERVAL.toMillis());
				}
			}
			catch (IOException ex) {
				this.stats.failed(this.mask.apply("Reading the events to ship failed: " + ex.getMessage()),
						this.clock.instant());
				pause(1000);
			}
		}
	}

	private void fill() throws IOException {
		int room = this.settings.batchSize() - this.batch.size();
		if (room > 0) {
			List<ShippingEvent> polled = this.source.poll(room);
			if (!polled.isEmpty()) {
				if (this.batch.isEmpty()) {
					this.batchStartedAt = this.clock.millis();
				}
				this.batch.addAll(polled);
				this.stats.pending(this.batch.size(), this.batch.get(0).timestamp());
			}
		}
	}

	// Returns false when stopping and the drain time is over.
	private boolean send() {
		List<ShippingEvent> readable = new ArrayList<>(this.batch.size());
		int limit = this.shipper.maxEventBytes();
		for (ShippingEvent event : this.batch) {
			if (event.readable()) {
				ShippingEvent fitting = event.truncatedTo(limit);
				if (fitting != event) {
					this.stats.truncated.incrementAndGet();
				}
				readable.add(fitting);
			}
		}
		this.stats.rejectedUnreadable(this.batch.size() - readable.size());
		while (true) {
			try {
				if (!this.prepared) {
					this.shipper.prepare();
					this.prepared = true;
				}
				Shipment shipment = readable.isEmpty() ? Shipment.accepted(0) : this.shipper.ship(readable);
				boolean recovered = this.stats.failing();
				this.stats.shipped(shipment, this.clock.instant());
				if (recovered) {
					logger.info("Shipping to {} works again", name());
				}
				this.backoff.reset();
				saveShipped();
				return true;
			}
			catch (ShippingException | RuntimeException ex) {
				boolean first = !this.stats.failing();
				String error = this.mask.apply(String.valueOf(ex.getMessage()));
				this.stats.failed(error, this.clock.instant());
				if (first) {
					logger.warn("Shipping to {} failed, retrying with backoff: {}", name(), error);
				}
				long left = this.drainUntil - this.clock.millis();
				if (this.stopping && left <= 0) {
					return false;
				}
				Duration wait = this.backoff.next((ex instanceof ShippingException shipping) ? shipping.retryAfter() : null);
				this.stats.retried.incrementAndGet();
				pause(this.stopping ? Math.min(wait.toMillis(), left) : wait.toMillis());
				if (Thread.currentThread().isInterrupted()) {
					return false;
				}
			}
		}
	}

	private void saveShipped() {
		try {
			this.source.shipped(this.batch);
		}
		catch (IOException ex) {
			// Shipped all the same; after a restart the batch is sent again, and stored once.
			this.stats.noted(this.mask.apply("Saving the read position failed: " + ex.getMessage()),
					this.clock.instant());
		}
		this.batch.clear();
		this.stats.pending(0, null);
	}

	private void pause(long millis) {
		synchronized (this.wakeUp) {
			try {
				this.wakeUp.wait(Math.max(1, millis));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	private void wake() {
		synchronized (this.wakeUp) {
			this.wakeUp.notifyAll();
		}
	}

}
