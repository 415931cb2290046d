package io.github.structuredlogging.correlation;

import org.jspecify.annotations.Nullable;

/**
 * Looks up the trace ID of the current thread, when a tracer is active.
 */
@FunctionalInterface
public interface CurrentTraceId {

	/** No tracer: never a trace ID. */
	CurrentTraceId NONE = () -> null;

	/**
	 * Return the current trace ID.
	 * @return the trace ID, or {@code null} when no trace is active
	 */
	@Nullable String get();

}
