package io.github.structuredlogging.logback;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;

/**
 * Collects what the writer thread encodes for the console and writes it to
 * {@code System.out} in one call per batch: when the writer has caught up, or when the
 * batch grows past {@value #MAX_BATCH_BYTES} bytes. Looks {@code System.out} up on every
 * write, as logback's console appender does, so that a replaced stream gets the output.
 */
public final class BatchedConsoleOutput extends ByteArrayOutputStream {

	private static final int MAX_BATCH_BYTES = 64 * 1024;

	/** Create an empty batch. */
	public BatchedConsoleOutput() {
		super(MAX_BATCH_BYTES + 8192);
	}

	@Override
	public synchronized void write(byte[] bytes, int offset, int length) {
		super.write(bytes, offset, length);
		if (size() >= MAX_BATCH_BYTES) {
			flush();
		}
	}

	@Override
	public synchronized void flush() {
		if (this.count == 0) {
			return;
		}
		PrintStream out = System.out;
		out.write(this.buf, 0, this.count);
		out.flush();
		reset();
		if (this.buf.length > 4 * MAX_BATCH_BYTES) {
			// One huge event (a long stack trace) must not keep its buffer for good.
			this.buf = new byte[MAX_BATCH_BYTES + 8192];
		}
	}

	@Override
	public void close() {
		// System.out stays open: only what is batched is written out.
		flush();
	}

}
