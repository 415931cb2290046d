package io.github.structuredlogging.sampling;

import java.util.List;
import java.util.random.RandomGenerator;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import io.github.structuredlogging.api.CorrelationId;
import io.github.structuredlogging.api.LogStreams;
import io.github.structuredlogging.logback.DroppedEvents;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;
import org.slf4j.Marker;

/**
 * Keeps a share of the DEBUG and INFO events of the {@code application} stream and leaves
 * out the rest, counted. WARN and above, performance lines and audit records are always
 * kept. By correlation ID, one decision holds for every line of a request, so that a kept
 * request is whole; otherwise each event is drawn on its own. Decided before the event is
 * made, so a left-out event costs next to nothing.
 */
public final class EventSampling extends TurboFilter {

	private final double debugRate;

	private final double infoRate;

	private final boolean byCorrelationId;

	private final RandomGenerator random;

	private final DroppedEvents counts;

	/**
	 * Create the sampling.
	 * @param debugRate the share of DEBUG (and TRACE) events kept, from 0 to 1
	 * @param infoRate the share of INFO events kept, from 0 to 1
	 * @param byCorrelationId whether to decide once per correlation ID
	 * @param random draws the events decided one by one
	 * @param counts counts the events left out
	 */
	public EventSampling(double debugRate, double infoRate, boolean byCorrelationId, RandomGenerator random,
			DroppedEvents counts) {
		this.debugRate = debugRate;
		this.infoRate = infoRate;
		this.byCorrelationId = byCorrelationId;
		this.random = random;
		this.counts = counts;
	}

	@Override
	public FilterReply decide(@Nullable Marker marker, Logger logger, Level level, @Nullable String format,
			@Nullable Object[] params, @Nullable Throwable t) {
		if (level.isGreaterOrEqual(Level.WARN) || !level.isGreaterOrEqual(logger.getEffectiveLevel())) {
			return FilterReply.NEUTRAL;
		}
		double rate = (level == Level.INFO) ? this.infoRate : this.debugRate;
		if (rate >= 1 || (marker != null && !LogStreams.APPLICATION.equals(LogStreams.streamOf(List.of(marker))))) {
			return FilterReply.NEUTRAL;
		}
		if (keep(rate)) {
			return FilterReply.NEUTRAL;
		}
		this.counts.countSampledOut();
		return FilterReply.DENY;
	}

	private boolean keep(double rate) {
		String correlationId = this.byCorrelationId ? MDC.get(CorrelationId.MDC_KEY) : null;
		if (correlationId == null) {
			return this.random.nextDouble() < rate;
		}
		return share(correlationId) < rate;
	}

	// Where an ID falls in [0, 1): the same for every line of a request, spread evenly
	// whatever the IDs look like.
	static double share(String correlationId) {
		long hash = correlationId.hashCode() * 0x9E3779B97F4A7C15L;
		hash ^= (hash >>> 32);
		hash *= 0xBF58476D1CE4E5B9L;
		hash ^= (hash >>> 29);
		return (hash >>> 11) * 0x1.0p-53;
	}

}
