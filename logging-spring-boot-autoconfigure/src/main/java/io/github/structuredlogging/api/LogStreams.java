package io.github.structuredlogging.api;

import java.util.Iterator;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.slf4j.Marker;
import org.slf4j.MarkerFactory;

/**
 * The log streams an event can belong to. An event joins a stream through the stream's
 * marker; without one it belongs to {@link #APPLICATION}.
 *
 * <pre>{@code
 * log.atInfo().addMarker(LogStreams.marker(LogStreams.PERFORMANCE)).log("GET /orders 200");
 * }</pre>
 */
public final class LogStreams {

	/** Every event that names no other stream. */
	public static final String APPLICATION = "application";

	/** Events at WARN and above, whatever their stream. */
	public static final String ERROR = "error";

	/** One line per HTTP request. */
	public static final String PERFORMANCE = "performance";

	/** Security-relevant events. */
	public static final String AUDIT = "audit";

	private static final String MARKER_PREFIX = "LOG_STREAM_";

	private static final Marker PERFORMANCE_MARKER = MarkerFactory.getMarker(MARKER_PREFIX + PERFORMANCE);

	private static final Marker AUDIT_MARKER = MarkerFactory.getMarker(MARKER_PREFIX + AUDIT);

	private LogStreams() {
	}

	/**
	 * Return the marker that puts an event into the given stream.
	 * @param stream the stream name, for example {@link #PERFORMANCE}
	 * @return the marker for that stream
	 */
	public static Marker marker(String stream) {
		return switch (stream) {
			case PERFORMANCE -> PERFORMANCE_MARKER;
			case AUDIT -> AUDIT_MARKER;
			default -> MarkerFactory.getMarker(MARKER_PREFIX + stream);
		};
	}

	/**
	 * Return the stream the given markers put an event into.
	 * @param markers the event's markers, may be {@code null}
	 * @return the stream name, {@link #APPLICATION} when no marker names one
	 */
	public static String streamOf(@Nullable List<Marker> markers) {
		if (markers == null || markers.isEmpty()) {
			return APPLICATION;
		}
		for (Marker marker : markers) {
			String stream = streamOf(marker);
			if (stream != null) {
				return stream;
			}
		}
		return APPLICATION;
	}

	private static @Nullable String streamOf(Marker marker) {
		if (marker == PERFORMANCE_MARKER) {
			return PERFORMANCE;
		}
		if (marker == AUDIT_MARKER) {
			return AUDIT;
		}
		String name = marker.getName();
		if (name.startsWith(MARKER_PREFIX)) {
			return name.substring(MARKER_PREFIX.length());
		}
		if (marker.hasReferences()) {
			for (Iterator<Marker> references = marker.iterator(); references.hasNext();) {
				String stream = streamOf(references.next());
				if (stream != null) {
					return stream;
				}
			}
		}
		return null;
	}

}
