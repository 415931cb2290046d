package io.github.structuredlogging.logback;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * Lets through only the events of one stream.
 */
public final class LogStreamFilter extends Filter<ILoggingEvent> {

	private final String stream;

	/**
	 * Create a filter that lets only the given stream through.
	 * @param stream the stream
	 */
	public LogStreamFilter(String stream) {
		this.stream = stream;
	}

	@Override
	public FilterReply decide(ILoggingEvent event) {
		return this.stream.equals(EventStream.of(event)) ? FilterReply.NEUTRAL
				: FilterReply.DENY;
	}

}
