package io.github.structuredlogging.shipping;

import java.util.List;

/**
 * Sends batches of events to one backend. Called from its delivery thread only, one
 * batch at a time; never from a thread that logs.
 */
public interface Shipper {

	/**
	 * Return the shipper's name, as reported in statistics, health and meters.
	 * @return the name, such as {@code elasticsearch}
	 */
	String name();

	/**
	 * Return the largest event the backend takes: a larger one is shipped with its longest
	 * values cut and {@code event_truncated} set, never refused in a loop.
	 * @return the limit, in bytes of the JSON line
	 */
	default int maxEventBytes() {
		return Integer.MAX_VALUE;
	}

	/**
	 * Prepare the backend before the first batch, such as installing an index template.
	 * Called again before the next batch for as long as it fails.
	 * @throws ShippingException when the backend cannot be prepared now
	 */
	default void prepare() throws ShippingException {
	}

	/**
	 * Send a batch.
	 * @param batch the events, in the order they were written
	 * @return what the backend did with them
	 * @throws ShippingException when the batch must be sent again later
	 */
	Shipment ship(List<ShippingEvent> batch) throws ShippingException;

	/**
	 * Release what the shipper holds, such as a connection.
	 */
	default void close() {
	}

}
