package io.github.structuredlogging.shipping;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Events kept in a bounded queue in memory, for an application that writes no stream
 * file: the writer thread offers each line and never waits; a line that finds the queue
 * full is dropped and counted, and so is every event still queued when shipping stops.
 */
final class MemoryEventSource implements EventSource, Consumer<byte[]> {

	private final BlockingQueue<byte[]> queue;

	private final AtomicLong dropped = new AtomicLong();

	MemoryEventSource(int capacity) {
		this.queue = new ArrayBlockingQueue<>(capacity);
	}

	@Override
	public void accept(byte[] line) {
		if (!this.queue.offer(line)) {
			this.dropped.incrementAndGet();
		}
	}

	@Override
	public List<ShippingEvent> poll(int max) {
		List<byte[]> lines = new ArrayList<>(Math.min(max, this.queue.size()));
		this.queue.drainTo(lines, max);
		List<ShippingEvent> events = new ArrayList<>(lines.size());
		for (byte[] line : lines) {
			events.add(new ShippingEvent(line, null));
		}
		return events;
	}

	@Override
	public void shipped(List<ShippingEvent> batch) {
	}

	@Override
	public void abandoned(int events) {
		this.dropped.addAndGet(events + this.queue.size());
		this.queue.clear();
	}

	@Override
	public Backlog backlog() {
		return new Backlog(this.queue.size(), 0, this.dropped.get(), 0);
	}

	@Override
	public void close() {
	}

}
