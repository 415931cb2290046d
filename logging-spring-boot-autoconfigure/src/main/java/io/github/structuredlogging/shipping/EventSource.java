package io.github.structuredlogging.shipping;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/**
 * Where a shipper's events come from: the stream file, or a queue in memory.
 */
interface EventSource extends Closeable {

	/**
	 * Return the events written since the last call, without waiting.
	 * @param max the most events to return
	 * @return the events, in the order they were written
	 * @throws IOException when the source cannot be read
	 */
	List<ShippingEvent> poll(int max) throws IOException;

	/**
	 * Record that a batch was shipped: it is not read again, even after a restart.
	 * @param batch the batch, the last one polled
	 * @throws IOException when the position cannot be saved
	 */
	void shipped(List<ShippingEvent> batch) throws IOException;

	/**
	 * Record that shipping stopped with events unshipped: a source that keeps nothing
	 * across a restart counts them, and what it still holds, as dropped.
	 * @param events the events polled and not shipped
	 */
	default void abandoned(int events) {
	}

	/**
	 * Return how far the source is ahead of what was polled.
	 * @return the backlog
	 */
	Backlog backlog();

	/**
	 * What is written but not polled yet, and what was lost before it could be.
	 *
	 * @param events events waiting, where the source counts events
	 * @param bytes bytes waiting, where the source counts bytes
	 * @param dropped events lost before they were polled: a full queue, a file removed
	 * before it was read (counted as one), a line cut short by a crash
	 * @param heldFiles rolled files retention keeps because they are not shipped yet
	 */
	record Backlog(long events, long bytes, long dropped, int heldFiles) {

	}

}
