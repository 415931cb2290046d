package io.github.structuredlogging.correlation;

import java.io.IOException;
import java.util.List;

import io.github.structuredlogging.api.CorrelationId;
import io.github.structuredlogging.api.CorrelationIdGenerator;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request a correlation ID: the caller's, when it sent a valid one, else a new
 * one. The ID is in the MDC while the request is handled, and in the response header.
 */
public final class CorrelationIdFilter extends OncePerRequestFilter {

	/** Request attribute that holds the request's correlation ID. */
	public static final String ID_ATTRIBUTE = CorrelationIdFilter.class.getName() + ".id";

	/** Request attribute set to {@code true} when the caller's ID was rejected. */
	public static final String REJECTED_ATTRIBUTE = CorrelationIdFilter.class.getName() + ".rejected";

	private static final CorrelationIdGenerator FALLBACK = CorrelationIdGenerator.randomUuids();

	private final List<String> requestHeaders;

	private final String responseHeader;

	private final @Nullable String traceIdResponseHeader;

	private final CurrentTraceId traceId;

	private final CorrelationIdGenerator generator;

	/**
	 * Create a filter.
	 * @param requestHeaders the headers an incoming ID is read from, in order
	 * @param responseHeader the header the ID is returned in
	 * @param traceIdResponseHeader the header the trace ID is returned in, {@code null} for
	 * none
	 * @param traceId looks up the current trace ID
	 * @param generator creates IDs for requests that come without one
	 */
	public CorrelationIdFilter(List<String> requestHeaders, String responseHeader,
			@Nullable String traceIdResponseHeader, CurrentTraceId traceId,
			CorrelationIdGenerator generator) {
		this.requestHeaders = List.copyOf(requestHeaders);
		this.responseHeader = responseHeader;
		this.traceIdResponseHeader = traceIdResponseHeader;
		this.traceId = traceId;
		this.generator = generator;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String id = correlationId(request);
		if (!response.isCommitted()) {
			response.setHeader(this.responseHeader, id);
			String traceId = (this.traceIdResponseHeader != null) ? this.traceId.get() : null;
			if (traceId != null) {
				response.setHeader(this.traceIdResponseHeader, traceId);
			}
		}
		try (CorrelationId.Scope scope = CorrelationId.open(id)) {
			chain.doFilter(request, response);
		}
	}

	// Async and error dispatches of the same request keep the ID it was given first.
	private String correlationId(HttpServletRequest request) {
		if (request.getAttribute(ID_ATTRIBUTE) instanceof String existing) {
			return existing;
		}
		String id = incomingId(request);
		request.setAttribute(ID_ATTRIBUTE, id);
		return id;
	}

	private String incomingId(HttpServletRequest request) {
		boolean rejected = false;
		for (String header : this.requestHeaders) {
			String value = request.getHeader(header);
			if (value != null) {
				if (CorrelationId.isValid(value)) {
					return value;
				}
				rejected = true;
			}
		}
		if (rejected) {
			// The raw value is never logged: it may carry forged log lines.
			request.setAttribute(REJECTED_ATTRIBUTE, Boolean.TRUE);
		}
		return generated();
	}

	private String generated() {
		String id = this.generator.generate();
		// A generator that breaks the format must not break the log either.
		return CorrelationId.isValid(id) ? id : FALLBACK.generate();
	}

	@Override
	protected boolean shouldNotFilterAsyncDispatch() {
		return false;
	}

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

}
