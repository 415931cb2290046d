package io.github.structuredlogging.http;

import java.util.EnumMap;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts requests by performance tier in the counter {@value #METER_NAME}, tagged
 * {@code tier}.
 */
public final class MicrometerRequestPerformanceListener implements RequestPerformanceListener {

	/** Name of the counter. */
	public static final String METER_NAME = "structured.logging.http.requests";

	private final Map<PerformanceTier, Counter> counters = new EnumMap<>(PerformanceTier.class);

	/**
	 * Create a listener that registers its counters in the given registry.
	 * @param registry the registry
	 */
	public MicrometerRequestPerformanceListener(MeterRegistry registry) {
		for (PerformanceTier tier : PerformanceTier.values()) {
			this.counters.put(tier, Counter.builder(METER_NAME)
				.description("HTTP requests by performance tier")
				.tag("tier", tier.value())
				.register(registry));
		}
	}

	@Override
	public void onRequest(RequestExchange exchange, PerformanceTier tier) {
		this.counters.get(tier).increment();
	}

}
