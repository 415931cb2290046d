package io.github.structuredlogging.store;

import java.util.Map;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import ch.qos.logback.core.encoder.Encoder;
import io.github.structuredlogging.json.LogField;
import io.github.structuredlogging.logback.EventStream;

/**
 * Adds every event it is given to an {@link EventStore}, as the JSON line the encoder
 * writes. Meant to run on the worker thread of an asynchronous appender, so that the
 * logging thread never waits for it.
 */
public final class EventStoreAppender extends AppenderBase<ILoggingEvent> {

	private final EventStore store;

	private final Encoder<ILoggingEvent> encoder;

	/**
	 * Create an appender that feeds the given store.
	 * @param store the store
	 * @param encoder writes the JSON line, masked
	 */
	public EventStoreAppender(EventStore store, Encoder<ILoggingEvent> encoder) {
		this.store = store;
		this.encoder = encoder;
	}

	@Override
	protected void append(ILoggingEvent event) {
		byte[] line = this.encoder.encode(event);
		Map<String, String> mdc = event.getMDCPropertyMap();
		this.store.add(new StoredEvent(this.store.nextSequence(), event.getTimeStamp(), event.getLevel(),
				event.getLoggerName(), EventStream.of(event), LogField.CORRELATION_ID.fromMdc(mdc::get),
				LogField.TRACE_ID.fromMdc(mdc::get), line));
	}

}
