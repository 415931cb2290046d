package io.github.structuredlogging.logback;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Publishes the number of dropped events as the counter
 * {@value #METER_NAME}.
 */
public final class DroppedEventsMeterBinder implements MeterBinder {

	/** Name of the counter. */
	public static final String METER_NAME = "structured.logging.events.dropped";

	/** Name of the counter of events cut to fit the longest line. */
	public static final String TRUNCATED_METER_NAME = "structured.logging.events.truncated";

	/** Name of the counter of events left out by sampling. */
	public static final String SAMPLED_METER_NAME = "structured.logging.events.sampled";

	/** Name of the counter of events left out by the burst limit. */
	public static final String SUPPRESSED_METER_NAME = "structured.logging.events.suppressed";

	private final DroppedEvents droppedEvents;

	/**
	 * Create a binder for the given counter.
	 * @param droppedEvents the counter to publish
	 */
	public DroppedEventsMeterBinder(DroppedEvents droppedEvents) {
		this.droppedEvents = droppedEvents;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		FunctionCounter.builder(METER_NAME, this.droppedEvents, DroppedEvents::count)
			.description("Log events dropped because the file queue was full")
			.baseUnit("events")
			.register(registry);
		FunctionCounter.builder(TRUNCATED_METER_NAME, this.droppedEvents, DroppedEvents::truncated)
			.description("Log events written with their longest values cut to fit the longest line")
			.baseUnit("events")
			.register(registry);
		FunctionCounter.builder(SAMPLED_METER_NAME, this.droppedEvents, DroppedEvents::sampledOut)
			.description("DEBUG and INFO log events left out by sampling")
			.baseUnit("events")
			.register(registry);
		FunctionCounter.builder(SUPPRESSED_METER_NAME, this.droppedEvents, DroppedEvents::suppressed)
			.description("Log events left out by the burst limit")
			.baseUnit("events")
			.register(registry);
	}

}
