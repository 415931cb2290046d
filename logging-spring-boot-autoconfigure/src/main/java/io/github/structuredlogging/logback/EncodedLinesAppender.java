package io.github.structuredlogging.logback;

import java.util.Arrays;
import java.util.function.Consumer;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import ch.qos.logback.core.encoder.Encoder;

/**
 * Hands each event, as the JSON line the shared encoder wrote (masked, without its line
 * feed), to a consumer that must not block: an output added once the pipeline runs, such
 * as a shipper's queue. Runs on the writer thread.
 */
public final class EncodedLinesAppender extends UnsynchronizedAppenderBase<ILoggingEvent> {

	private final Encoder<ILoggingEvent> encoder;

	private final Consumer<byte[]> lines;

	/**
	 * Create an appender.
	 * @param encoder the writer's encoder, which encodes each event once for every output
	 * @param lines takes each line
	 */
	public EncodedLinesAppender(Encoder<ILoggingEvent> encoder, Consumer<byte[]> lines) {
		this.encoder = encoder;
		this.lines = lines;
	}

	@Override
	protected void append(ILoggingEvent event) {
		byte[] line = this.encoder.encode(event);
		int length = line.length;
		while (length > 0 && (line[length - 1] == '\n' || line[length - 1] == '\r')) {
			length--;
		}
		this.lines.accept((length == line.length) ? line : Arrays.copyOf(line, length));
	}

}
