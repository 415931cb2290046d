package io.github.structuredlogging.logback;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.EncoderBase;
import org.jspecify.annotations.Nullable;

/**
 * Shares one encoding of an event among the appenders behind the asynchronous appender:
 * the stream files an event lands in and the event store all write the same bytes, so
 * the event is encoded once however many of them take it.
 */
public final class EncodeOnceEncoder extends EncoderBase<ILoggingEvent> {

	private final EncoderBase<ILoggingEvent> delegate;

	private volatile Encoded last = new Encoded(null, new byte[0]);

	/**
	 * Create an encoder that remembers the last event the delegate encoded.
	 * @param delegate the encoder
	 */
	public EncodeOnceEncoder(EncoderBase<ILoggingEvent> delegate) {
		this.delegate = delegate;
	}

	@Override
	public byte[] headerBytes() {
		return this.delegate.headerBytes();
	}

	@Override
	public byte[] encode(ILoggingEvent event) {
		Encoded last = this.last;
		if (last.event() == event) {
			return last.bytes();
		}
		byte[] bytes = this.delegate.encode(event);
		this.last = new Encoded(event, bytes);
		return bytes;
	}

	@Override
	public byte[] footerBytes() {
		return this.delegate.footerBytes();
	}

	@Override
	public void start() {
		if (!this.delegate.isStarted()) {
			this.delegate.start();
		}
		super.start();
	}

	private record Encoded(@Nullable ILoggingEvent event, byte[] bytes) {

	}

}
