package io.github.structuredlogging.http;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.jspecify.annotations.Nullable;

/**
 * Counts the bytes of the response body as the application writes them, without
 * buffering anything.
 */
final class CountingResponse extends HttpServletResponseWrapper {

	private long bytes;

	private final @Nullable BodySample sample;

	private @Nullable ServletOutputStream outputStream;

	private @Nullable PrintWriter writer;

	CountingResponse(HttpServletResponse response, @Nullable BodyCapture capture) {
		super(response);
		this.sample = (capture != null) ? new BodySample(capture.limit()) : null;
	}

	long bytesWritten() {
		return this.bytes;
	}

	/**
	 * Return the sample of a textual body, when bodies are captured.
	 * @return the sample, or {@code null}
	 */
	@Nullable String body() {
		String contentType = getContentType();
		return (this.sample != null && BodyCapture.isTextual(contentType))
				? this.sample.text(BodyCapture.charset(contentType)) : null;
	}

	boolean isBodyTruncated() {
		return this.sample != null && this.sample.isTruncated();
	}

	@Override
	public ServletOutputStream getOutputStream() throws IOException {
		if (this.outputStream == null) {
			this.outputStream = new CountingOutputStream(super.getOutputStream());
		}
		return this.outputStream;
	}

	@Override
	public PrintWriter getWriter() throws IOException {
		if (this.writer == null) {
			Charset charset = charset(getCharacterEncoding());
			this.writer = new CountingWriter(super.getWriter(), StandardCharsets.UTF_8.equals(charset));
		}
		return this.writer;
	}

	private static Charset charset(@Nullable String name) {
		try {
			return (name != null) ? Charset.forName(name) : StandardCharsets.ISO_8859_1;
		}
		catch (RuntimeException ex) {
			return StandardCharsets.UTF_8;
		}
	}

	private final class CountingOutputStream extends ServletOutputStream {

		private final ServletOutputStream delegate;

		CountingOutputStream(ServletOutputStream delegate) {
			this.delegate = delegate;
		}

		@Override
		public void write(int b) throws IOException {
			this.delegate.write(b);
			CountingResponse.this.bytes++;
			if (CountingResponse.this.sample != null) {
				CountingResponse.this.sample.write(b);
			}
		}

		@Override
		public void write(byte[] b, int off, int len) throws IOException {
			this.delegate.write(b, off, len);
			CountingResponse.this.bytes += len;
			if (CountingResponse.this.sample != null) {
				CountingResponse.this.sample.write(b, off, len);
			}
		}

		@Override
		public void flush() throws IOException {
			this.delegate.flush();
		}

		@Override
		public void close() throws IOException {
			this.delegate.close();
		}

		@Override
		public boolean isReady() {
			return this.delegate.isReady();
		}

		@Override
		public void setWriteListener(WriteListener listener) {
			this.delegate.setWriteListener(listener);
		}

	}

	// Writes straight through to the container's writer; counts encoded bytes, exactly
	// for UTF-8 and as one byte per character for single-byte charsets.
	private final class CountingWriter extends PrintWriter {

		private final boolean utf8;

		CountingWriter(PrintWriter delegate, boolean utf8) {
			super(delegate);
			this.utf8 = utf8;
		}

		@Override
		public void write(int c) {
			super.write(c);
			CountingResponse.this.bytes += this.utf8 ? utf8Length((char) c) : 1;
			if (CountingResponse.this.sample != null) {
				CountingResponse.this.sample.write((char) c);
			}
		}

		@Override
		public void println() {
			super.println();
			CountingResponse.this.bytes += System.lineSeparator().length();
		}

		@Override
		public void write(char[] chars, int off, int len) {
			super.write(chars, off, len);
			count(chars, off, len);
			if (CountingResponse.this.sample != null) {
				CountingResponse.this.sample.write(CharBuffer.wrap(chars), off, len);
			}
		}

		@Override
		public void write(String text, int off, int len) {
			super.write(text, off, len);
			if (CountingResponse.this.sample != null) {
				CountingResponse.this.sample.write(text, off, len);
			}
			if (!this.utf8) {
				CountingResponse.this.bytes += len;
				return;
			}
			for (int i = off; i < off + len; i++) {
				CountingResponse.this.bytes += utf8Length(text.charAt(i));
			}
		}

		private void count(char[] chars, int off, int len) {
			if (!this.utf8) {
				CountingResponse.this.bytes += len;
				return;
			}
			for (int i = off; i < off + len; i++) {
				CountingResponse.this.bytes += utf8Length(chars[i]);
			}
		}

		// A surrogate pair is four bytes: two per half.
		private static int utf8Length(char c) {
			if (c < 0x80) {
				return 1;
			}
			if (c < 0x800 || Character.isSurrogate(c)) {
				return 2;
			}
			return 3;
		}

	}

}
