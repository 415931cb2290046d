package io.github.structuredlogging.correlation;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.jspecify.annotations.Nullable;

/**
 * The trace ID of Micrometer Tracing's current span.
 */
public final class MicrometerCurrentTraceId implements CurrentTraceId {

	private final Tracer tracer;

	/**
	 * Create a lookup on the given tracer.
	 * @param tracer the tracer
	 */
	public MicrometerCurrentTraceId(Tracer tracer) {
		this.tracer = tracer;
	}

	@Override
	public @Nullable String get() {
		Span span = this.tracer.currentSpan();
		String traceId = (span != null) ? span.context().traceId() : null;
		return (traceId != null && !traceId.isEmpty()) ? traceId : null;
	}

}
