package io.github.structuredlogging.logback;

import java.util.Arrays;
import java.util.function.UnaryOperator;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.EncoderBase;
import org.jspecify.annotations.Nullable;

/**
 * Shares one encoding of an event among the appenders behind the asynchronous appender:
 * the stream files an event lands in and the event store all write the same bytes, so
 * the event is encoded once however many of them take it. A line longer than the
 * configured maximum is cut here, once, for all of them, and counted.
 */
public final class EncodeOnceEncoder extends EncoderBase<ILoggingEvent> {

	private final EncoderBase<ILoggingEvent> delegate;

	private final int maxEventBytes;

	private final UnaryOperator<byte[]> fit;

	private final DroppedEvents losses;

	private volatile Encoded last = new Encoded(null, new byte[0]);

	/**
	 * Create an encoder that remembers the last event the delegate encoded.
	 * @param delegate the encoder
	 * @param maxEventBytes the longest line, without its line feed
	 * @param fit cuts a longer line (without its line feed) to that length, and returns
	 * the line itself when it cannot
	 * @param losses counts the events that were cut
	 */
	public EncodeOnceEncoder(EncoderBase<ILoggingEvent> delegate, int maxEventBytes, UnaryOperator<byte[]> fit,
			DroppedEvents losses) {
		this.delegate = delegate;
		this.maxEventBytes = maxEventBytes;
		this.fit = fit;
		this.losses = losses;
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
		if (bytes.length > this.maxEventBytes + 2) {
			bytes = cut(bytes);
		}
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

	private byte[] cut(byte[] bytes) {
		int end = bytes.length;
		while (end > 0 && (bytes[end - 1] == '\n' || bytes[end - 1] == '\r')) {
			end--;
		}
		byte[] line = Arrays.copyOf(bytes, end);
		byte[] fitting = this.fit.apply(line);
		if (fitting == line) {
			return bytes;
		}
		this.losses.countTruncated();
		byte[] cut = Arrays.copyOf(fitting, fitting.length + bytes.length - end);
		System.arraycopy(bytes, end, cut, fitting.length, bytes.length - end);
		return cut;
	}

	private record Encoded(@Nullable ILoggingEvent event, byte[] bytes) {

	}

}
