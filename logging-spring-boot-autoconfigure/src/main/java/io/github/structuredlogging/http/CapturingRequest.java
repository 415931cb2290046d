package io.github.structuredlogging.http;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.CharBuffer;
import java.util.Map;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.jspecify.annotations.Nullable;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * Keeps a sample of the request body as the application reads it, never reading ahead of
 * the application.
 */
final class CapturingRequest extends HttpServletRequestWrapper {

	private final int limit;

	private BodySample sample;

	private @Nullable ServletInputStream inputStream;

	private @Nullable BufferedReader reader;

	CapturingRequest(HttpServletRequest request, int limit) {
		super(request);
		this.limit = limit;
		this.sample = new BodySample(limit);
	}

	@Override
	public ServletInputStream getInputStream() throws IOException {
		if (this.inputStream == null) {
			this.inputStream = new SamplingInputStream(super.getInputStream());
		}
		return this.inputStream;
	}

	@Override
	public BufferedReader getReader() throws IOException {
		if (this.reader == null) {
			this.reader = new BufferedReader(new SamplingReader(super.getReader()));
		}
		return this.reader;
	}

	@Nullable String body() {
		String contentType = getContentType();
		if (!BodyCapture.isTextual(contentType)) {
			return null;
		}
		if (this.sample.isEmpty() && BodyCapture.isForm(contentType)) {
			this.sample = formFromParameters();
		}
		return this.sample.text(BodyCapture.charset(contentType));
	}

	boolean isTruncated() {
		return this.sample.isTruncated();
	}

	// The container reads a form body itself: rebuild it from the parameters that did not
	// come from the query string.
	private BodySample formFromParameters() {
		String query = getQueryString();
		Map<String, ?> fromQuery = (query != null)
				? UriComponentsBuilder.newInstance().query(query).build().getQueryParams() : Map.of();
		StringBuilder form = new StringBuilder();
		getParameterMap().forEach((name, values) -> {
			if (!fromQuery.containsKey(name)) {
				for (String value : values) {
					form.append(form.isEmpty() ? "" : "&").append(name).append('=').append(value);
				}
			}
		});
		BodySample formSample = new BodySample(this.limit);
		formSample.write(form, 0, form.length());
		return formSample;
	}

	private final class SamplingInputStream extends ServletInputStream {

		private final ServletInputStream delegate;

		SamplingInputStream(ServletInputStream delegate) {
			this.delegate = delegate;
		}

		@Override
		public int read() throws IOException {
			int b = this.delegate.read();
			if (b >= 0) {
				CapturingRequest.this.sample.write(b);
			}
			return b;
		}

		@Override
		public int read(byte[] b, int off, int len) throws IOException {
			int read = this.delegate.read(b, off, len);
			if (read > 0) {
				CapturingRequest.this.sample.write(b, off, read);
			}
			return read;
		}

		@Override
		public boolean isFinished() {
			return this.delegate.isFinished();
		}

		@Override
		public boolean isReady() {
			return this.delegate.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			this.delegate.setReadListener(listener);
		}

	}

	private final class SamplingReader extends Reader {

		private final Reader delegate;

		SamplingReader(Reader delegate) {
			this.delegate = delegate;
		}

		@Override
		public int read(char[] buffer, int off, int len) throws IOException {
			int read = this.delegate.read(buffer, off, len);
			if (read > 0) {
				CapturingRequest.this.sample.write(CharBuffer.wrap(buffer), off, read);
			}
			return read;
		}

		@Override
		public void close() throws IOException {
			this.delegate.close();
		}

	}

}
