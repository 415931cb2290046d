package io.github.structuredlogging.management.actuate;

import java.util.List;

import io.github.structuredlogging.api.LogStreams;
import io.github.structuredlogging.store.EventCounts;
import io.github.structuredlogging.store.EventStore;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Publishes the store's counts: {@code structured.logging.events} by level and stream,
 * and {@code structured.logging.store.size}. Read when scraped, so logging pays nothing.
 */
public final class EventStoreMeterBinder implements MeterBinder {

	private static final List<String> LEVELS = List.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR");

	private static final List<String> STREAMS = List.of(LogStreams.APPLICATION, LogStreams.PERFORMANCE,
			LogStreams.AUDIT);

	private final EventStore store;

	/**
	 * Create a binder for the given store.
	 * @param store the store
	 */
	public EventStoreMeterBinder(EventStore store) {
		this.store = store;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		EventCounts counts = this.store.counts();
		for (String level : LEVELS) {
			for (String stream : STREAMS) {
				FunctionCounter.builder("structured.logging.events", counts, (c) -> c.count(level, stream))
					.description("Events written, by level and stream")
					.tag("level", level)
					.tag("stream", stream)
					.register(registry);
			}
		}
		Gauge.builder("structured.logging.store.size", this.store, EventStore::size)
			.description("Events held by the in-memory store")
			.register(registry);
	}

}
