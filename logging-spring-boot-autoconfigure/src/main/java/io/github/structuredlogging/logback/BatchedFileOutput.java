package io.github.structuredlogging.logback;

import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;

import ch.qos.logback.core.OutputStreamAppender;

/**
 * Writes out what a stream file appender without immediate flush has buffered: called by
 * the {@link FanOutAppender} on the writer thread, the only thread that writes to the
 * file or rolls it, once the writer has caught up.
 */
public final class BatchedFileOutput implements Flushable {

	private final OutputStreamAppender<?> appender;

	/**
	 * Create the output of the given appender.
	 * @param appender the appender, with immediate flush off
	 */
	public BatchedFileOutput(OutputStreamAppender<?> appender) {
		this.appender = appender;
	}

	@Override
	public void flush() throws IOException {
		// Absent while the appender is stopped, or after it failed to open its file.
		OutputStream output = this.appender.getOutputStream();
		if (output != null && this.appender.isStarted()) {
			output.flush();
		}
	}

	@Override
	public String toString() {
		return this.appender.getName();
	}

}
