package io.github.structuredlogging.shipping;

import java.time.Duration;

/**
 * How a shipper batches and retries.
 *
 * @param batchSize the most events in one batch
 * @param batchTimeout the longest an event waits for its batch to fill
 * @param firstBackoff the wait after a first failure, doubled after each further one
 * @param maxBackoff the longest wait between attempts
 */
public record DeliverySettings(int batchSize, Duration batchTimeout, Duration firstBackoff, Duration maxBackoff) {

}
