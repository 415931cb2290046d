package io.github.structuredlogging.management;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.structuredlogging.shipping.ShipperReport;

/**
 * Counts and rates of the events written since start-up.
 *
 * @param uptimeSeconds how long logging has run
 * @param eventsTotal the number of events written
 * @param byLevel the number of events of each level
 * @param byStream the number of events of each stream
 * @param topLoggers the busiest loggers and their number of events
 * @param eventsPerSecond the rate of events over the last 1, 5 and 15 minutes
 * @param errorsPerMinute the rate of ERROR events over the last 1, 5 and 15 minutes
 * @param droppedEvents the number of events dropped because the queue was full
 * @param truncatedEvents the number of events written with their longest values cut, to
 * fit the longest line
 * @param sampledEvents the number of DEBUG and INFO events sampling left out
 * @param suppressedEvents the number of events the burst limit left out
 * @param store the fill of the event store
 * @param files the size of each stream's files
 * @param shipping what each shipper has done, empty when nothing is shipped
 */
public record StatsReport(@JsonProperty("uptime_seconds") long uptimeSeconds,
		@JsonProperty("events_total") long eventsTotal, @JsonProperty("by_level") Map<String, Long> byLevel,
		@JsonProperty("by_stream") Map<String, Long> byStream,
		@JsonProperty("top_loggers") Map<String, Long> topLoggers,
		@JsonProperty("events_per_second") Map<String, Double> eventsPerSecond,
		@JsonProperty("errors_per_minute") Map<String, Double> errorsPerMinute,
		@JsonProperty("dropped_events") long droppedEvents,
		@JsonProperty("truncated_events") long truncatedEvents, @JsonProperty("sampled_events") long sampledEvents,
		@JsonProperty("suppressed_events") long suppressedEvents, Store store, Map<String, StreamFiles> files,
		List<ShipperReport> shipping) {

	/**
	 * The fill of the event store.
	 *
	 * @param size the number of events held
	 * @param capacity the number of events it can hold
	 * @param memoryBytes the approximate heap the held events take
	 */
	public record Store(long size, long capacity, @JsonProperty("memory_bytes") long memoryBytes) {

	}

	/**
	 * The files of one stream.
	 *
	 * @param path the active file
	 * @param sizeBytes the size of the active file
	 * @param rolledBytes the size of the rolled files together
	 */
	public record StreamFiles(String path, @JsonProperty("size_bytes") long sizeBytes,
			@JsonProperty("rolled_bytes") long rolledBytes) {

	}

}
