package io.github.structuredlogging.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;

import org.jspecify.annotations.Nullable;

/**
 * Keeps the first bytes, or characters, of a body as it streams past, up to a limit, and
 * never more.
 */
final class BodySample {

	private final int limit;

	private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

	private final StringBuilder chars = new StringBuilder();

	private boolean truncated;

	BodySample(int limit) {
		this.limit = limit;
	}

	void write(int b) {
		if (room() > 0) {
			this.bytes.write(b);
		}
		else {
			this.truncated = true;
		}
	}

	void write(byte[] b, int off, int len) {
		int kept = Math.min(len, room());
		this.bytes.write(b, off, kept);
		this.truncated |= kept < len;
	}

	void write(char c) {
		if (room() > 0) {
			this.chars.append(c);
		}
		else {
			this.truncated = true;
		}
	}

	void write(CharSequence text, int off, int len) {
		int kept = Math.min(len, room());
		this.chars.append(text, off, off + kept);
		this.truncated |= kept < len;
	}

	private int room() {
		return this.limit - this.bytes.size() - this.chars.length();
	}

	boolean isEmpty() {
		return this.bytes.size() == 0 && this.chars.isEmpty();
	}

	boolean isTruncated() {
		return this.truncated;
	}

	@Nullable String text(Charset charset) {
		if (isEmpty()) {
			return null;
		}
		return (this.chars.isEmpty()) ? this.bytes.toString(charset) : this.chars.toString();
	}

}
