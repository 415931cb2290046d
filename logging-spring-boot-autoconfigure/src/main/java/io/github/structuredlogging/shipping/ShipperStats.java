package io.github.structuredlogging.shipping;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;

/**
 * The counters of one shipper: written by its delivery thread, read by anyone.
 */
final class ShipperStats {

	final AtomicLong sent = new AtomicLong();

	final AtomicLong duplicates = new AtomicLong();

	final AtomicLong rejected = new AtomicLong();

	final AtomicLong failed = new AtomicLong();

	final AtomicLong retried = new AtomicLong();

	final AtomicLong truncated = new AtomicLong();

	final AtomicLong inFlight = new AtomicLong();

	private volatile @Nullable String lastError;

	private volatile @Nullable Instant lastErrorAt;

	private volatile @Nullable Instant lastShippedAt;

	private volatile @Nullable Instant failingSince;

	private volatile @Nullable Instant oldestPending;

	void shipped(Shipment shipment, Instant now) {
		this.sent.addAndGet(shipment.accepted());
		this.duplicates.addAndGet(shipment.duplicates());
		if (shipment.rejected() > 0) {
			this.rejected.addAndGet(shipment.rejected());
			this.lastError = shipment.rejection();
			this.lastErrorAt = now;
		}
		this.lastShippedAt = now;
		this.failingSince = null;
	}

	void failed(String error, Instant now) {
		this.failed.incrementAndGet();
		this.lastError = error;
		this.lastErrorAt = now;
		if (this.failingSince == null) {
			this.failingSince = now;
		}
	}

	void noted(String error, Instant now) {
		this.lastError = error;
		this.lastErrorAt = now;
	}

	boolean failing() {
		return this.failingSince != null;
	}

	void rejectedUnreadable(long count) {
		this.rejected.addAndGet(count);
	}

	void pending(int events, @Nullable Instant oldest) {
		this.inFlight.set(events);
		this.oldestPending = oldest;
	}

	ShipperReport report(String name, String source, EventSource.Backlog backlog, Instant now) {
		Instant oldest = this.oldestPending;
		double lag = (oldest != null) ? Math.max(0, now.toEpochMilli() - oldest.toEpochMilli()) / 1000.0 : 0;
		Instant failing = this.failingSince;
		return new ShipperReport(name, (failing != null) ? "failing" : "shipping", source, this.sent.get(),
				this.duplicates.get(), this.rejected.get(), this.truncated.get(), this.failed.get(), this.retried.get(),
				backlog.dropped(),
				this.inFlight.get() + backlog.events(), backlog.bytes(), backlog.heldFiles(), lag, this.lastError, this.lastErrorAt,
				this.lastShippedAt, failing);
	}

}
