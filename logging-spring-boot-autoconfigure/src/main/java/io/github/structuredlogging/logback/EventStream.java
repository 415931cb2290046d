package io.github.structuredlogging.logback;

import ch.qos.logback.classic.spi.ILoggingEvent;
import io.github.structuredlogging.api.LogStreams;

/**
 * The stream an event belongs to, as every output sees it: the stream its marker names,
 * except that only the audit trail's own records join the {@code audit} stream. An event
 * that carries the audit marker without the trail's hash chain would break the chain's
 * verification, so it stays in {@code application}.
 */
public final class EventStream {

	private EventStream() {
	}

	/**
	 * Return the stream of the given event.
	 * @param event the event
	 * @return the stream name
	 */
	public static String of(ILoggingEvent event) {
		String stream = LogStreams.streamOf(event.getMarkerList());
		return (LogStreams.AUDIT.equals(stream) && !(event instanceof AuditStreamEvent)) ? LogStreams.APPLICATION
				: stream;
	}

}
