package io.github.structuredlogging.store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A bounded ring of the most recent events. Adding never blocks and keeps no object per
 * event: each is copied into the ring's slots, overwriting the oldest. Readers walk the
 * ring from the newest event without locking, skipping slots overwritten while they read,
 * and get copies.
 */
public final class EventStore {

	private final EventRing ring;

	private final AtomicLong written = new AtomicLong();

	private final List<Consumer<StoredEvent>> subscribers = new CopyOnWriteArrayList<>();

	private final EventCounts counts = new EventCounts();

	/**
	 * Create a store that keeps the given number of events.
	 * @param capacity the number of events kept
	 */
	public EventStore(int capacity) {
		if (capacity < 1) {
			throw new IllegalArgumentException("'capacity' must be at least 1");
		}
		this.ring = new EventRing(capacity);
	}

	/**
	 * Return the sequence the next added event must carry.
	 * @return the next sequence
	 */
	long nextSequence() {
		return this.written.get();
	}

	/**
	 * Add an event, overwriting the oldest when full, and hand it to the subscribers.
	 * @param event the event, whose sequence must be {@link #nextSequence()}
	 */
	void add(StoredEvent event) {
		this.ring.put(event);
		this.written.lazySet(event.sequence() + 1);
		this.counts.record(event);
		for (Consumer<StoredEvent> subscriber : this.subscribers) {
			try {
				subscriber.accept(event);
			}
			catch (RuntimeException ex) {
				// A failing subscriber must not stop the events reaching the others.
				this.subscribers.remove(subscriber);
			}
		}
	}

	/**
	 * Return the newest events that match, newest first.
	 * @param filter which events to return
	 * @param limit the most events to return
	 * @return the matching events
	 */
	public List<StoredEvent> newestFirst(Predicate<StoredEvent> filter, int limit) {
		List<StoredEvent> found = new ArrayList<>(Math.min(limit, 256));
		long end = this.written.get();
		long start = Math.max(0, end - capacity());
		for (long sequence = end - 1; sequence >= start && found.size() < limit; sequence--) {
			StoredEvent event = this.ring.get(sequence);
			if (event != null && filter.test(event)) {
				found.add(event);
			}
		}
		return found;
	}

	/**
	 * Return the approximate heap used by the stored events.
	 * @return the size in bytes
	 */
	public long footprint() {
		return this.ring.footprint();
	}

	/**
	 * Be handed every event added from now on, on the thread that adds it. The consumer
	 * must return quickly and never block.
	 * @param subscriber the consumer
	 * @return a handle that ends the subscription
	 */
	public Runnable subscribe(Consumer<StoredEvent> subscriber) {
		this.subscribers.add(subscriber);
		return () -> this.subscribers.remove(subscriber);
	}

	/**
	 * Return how many events the store holds.
	 * @return the number of events
	 */
	public int size() {
		return (int) Math.min(this.written.get(), capacity());
	}

	/**
	 * Return how many events the store can hold.
	 * @return the capacity
	 */
	public int capacity() {
		return this.ring.capacity();
	}

	/**
	 * Return how many events have been added since start-up.
	 * @return the number of events
	 */
	public long added() {
		return this.written.get();
	}

	/**
	 * Return the counts of every event added since start-up.
	 * @return the counts
	 */
	public EventCounts counts() {
		return this.counts;
	}

}
