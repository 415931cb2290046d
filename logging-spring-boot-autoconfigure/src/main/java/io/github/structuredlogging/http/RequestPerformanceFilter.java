package io.github.structuredlogging.http;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.structuredlogging.api.Masker;
import io.github.structuredlogging.correlation.CorrelationIdFilter;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Times every request and writes its performance line once the response is complete: at
 * the end of the filter chain, or when an asynchronous request completes.
 */
public final class RequestPerformanceFilter extends OncePerRequestFilter {

	private static final long BYTES_PER_MB = 1024 * 1024;

	// Where Spring MVC and Spring Boot leave an exception they handled.
	private static final List<String> EXCEPTION_ATTRIBUTES = List.of(
			"org.springframework.web.servlet.DispatcherServlet.EXCEPTION",
			"org.springframework.boot.webmvc.error.DefaultErrorAttributes.ERROR", RequestDispatcher.ERROR_EXCEPTION);

	// Named, so that Spring Security stays optional.
	private static final Set<String> SECURITY_EXCEPTIONS = Set.of(
			"org.springframework.security.core.AuthenticationException",
			"org.springframework.security.access.AccessDeniedException");

	private static final String ROUTE_ATTRIBUTE = "org.springframework.web.servlet.HandlerMapping.bestMatchingPattern";

	private final @Nullable Masker masker;

	private final PerformanceLineWriter writer;

	private final ExcludedPaths excludedPaths;

	private final UserNameResolver userNames;

	private final boolean databaseMetrics;

	private final boolean memoryMetrics;

	private final @Nullable BodyCapture bodyCapture;

	/**
	 * Create a filter.
	 * @param writer writes the lines
	 * @param excludedPaths Ant-style patterns of paths that get no line
	 * @param userNames finds the authenticated user
	 * @param databaseMetrics whether to count JDBC statements
	 * @param memoryMetrics whether to measure heap in use
	 * @param bodyLimit the most bytes kept of each textual body, or a negative number not
	 * to capture bodies
	 * @param masker masks the written path, {@code null} when masking is off
	 */
	public RequestPerformanceFilter(PerformanceLineWriter writer, List<String> excludedPaths,
			UserNameResolver userNames, boolean databaseMetrics, boolean memoryMetrics, int bodyLimit,
			@Nullable Masker masker) {
		this.writer = writer;
		this.masker = masker;
		this.excludedPaths = new ExcludedPaths(excludedPaths);
		this.userNames = userNames;
		this.databaseMetrics = databaseMetrics;
		this.memoryMetrics = memoryMetrics;
		this.bodyCapture = (bodyLimit >= 0) ? new BodyCapture(bodyLimit) : null;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return this.excludedPaths.matches(path(request));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long start = System.nanoTime();
		HttpServletRequest capturing = (this.bodyCapture != null)
				? new CapturingRequest(request, this.bodyCapture.limit()) : request;
		CountingResponse counting = new CountingResponse(response, this.bodyCapture);
		DatabaseActivity database = this.databaseMetrics ? DatabaseActivity.start() : null;
		Throwable failure = null;
		try {
			chain.doFilter(capturing, counting);
		}
		catch (IOException | ServletException | RuntimeException | Error ex) {
			failure = ex;
			throw ex;
		}
		finally {
			if (database != null) {
				DatabaseActivity.stop();
			}
			if (request.isAsyncStarted() && failure == null) {
				request.getAsyncContext().addListener(new CompletionListener(capturing, start, counting, database));
			}
			else {
				this.writer.write(exchange(capturing, counting, start, failure, database));
			}
		}
	}

	private RequestExchange exchange(HttpServletRequest request, CountingResponse response, long start,
			@Nullable Throwable failure, @Nullable DatabaseActivity database) {
		long duration = System.nanoTime() - start;
		int status = (failure != null && response.getStatus() < 400) ? 500 : response.getStatus();
		Throwable cause = (failure != null) ? unwrap(failure) : handledException(request, status);
		String route = route(request);
		return new RequestExchange(request.getMethod(), RequestPaths.written(path(request), route, this.masker), route,
				query(request),
				status, duration, Math.max(request.getContentLengthLong(), 0), response.bytesWritten(),
				request.getRemoteAddr(), UserAgents.of(request), this.userNames.resolve(request), cause, database,
				this.memoryMetrics ? memoryUsedMb() : null,
				Boolean.TRUE.equals(request.getAttribute(CorrelationIdFilter.REJECTED_ATTRIBUTE)),
				bodies(request, response));
	}

	private static RequestExchange.@Nullable Bodies bodies(HttpServletRequest request, CountingResponse response) {
		if (!(request instanceof CapturingRequest capturing)) {
			return null;
		}
		return new RequestExchange.Bodies(capturing.body(), capturing.isTruncated(), response.body(),
				response.isBodyTruncated());
	}

	// Spring MVC wraps what a handler throws in "Request processing failed".
	private static Throwable unwrap(Throwable failure) {
		Throwable unwrapped = failure;
		while (unwrapped instanceof ServletException && unwrapped.getCause() != null) {
			unwrapped = unwrapped.getCause();
		}
		return unwrapped;
	}

	private static String path(HttpServletRequest request) {
		String uri = request.getRequestURI();
		String contextPath = request.getContextPath();
		return (!contextPath.isEmpty() && uri.startsWith(contextPath)) ? uri.substring(contextPath.length()) : uri;
	}

	// Decoded, so that it reads as sent and masking sees the values as they are.
	private static @Nullable String query(HttpServletRequest request) {
		String query = request.getQueryString();
		if (query == null) {
			return null;
		}
		try {
			return URLDecoder.decode(query, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return query;
		}
	}

	private static @Nullable String route(HttpServletRequest request) {
		return (request.getAttribute(ROUTE_ATTRIBUTE) instanceof String route) ? route : null;
	}

	private static @Nullable Throwable handledException(HttpServletRequest request, int status) {
		for (String attribute : EXCEPTION_ATTRIBUTES) {
			if (request.getAttribute(attribute) instanceof Throwable exception) {
				return answeredBySecurity(exception, status) ? null : exception;
			}
		}
		return null;
	}

	// Spring Security answers an authentication or access exception with 401 or 403 (a
	// login page, a challenge): that answer is the outcome, not a failure to report.
	private static boolean answeredBySecurity(Throwable exception, int status) {
		if (status != 401 && status != 403 && status != 302) {
			return false;
		}
		for (Class<?> type = exception.getClass(); type != null; type = type.getSuperclass()) {
			if (SECURITY_EXCEPTIONS.contains(type.getName())) {
				return true;
			}
		}
		return false;
	}

	private static double memoryUsedMb() {
		Runtime runtime = Runtime.getRuntime();
		long used = runtime.totalMemory() - runtime.freeMemory();
		return Math.round(used * 10.0 / BYTES_PER_MB) / 10.0;
	}

	/**
	 * Writes the line of an asynchronous request when it completes, with the correlation
	 * and trace IDs the request had, on whichever thread completes it.
	 */
	private final class CompletionListener implements AsyncListener {

		private final HttpServletRequest request;

		private final long start;

		private final CountingResponse response;

		private final @Nullable DatabaseActivity database;

		private final @Nullable Map<String, String> context = MDC.getCopyOfContextMap();

		private @Nullable Throwable failure;

		CompletionListener(HttpServletRequest request, long start, CountingResponse response,
				@Nullable DatabaseActivity database) {
			this.request = request;
			this.start = start;
			this.response = response;
			this.database = database;
		}

		@Override
		public void onComplete(AsyncEvent event) {
			Map<String, String> previous = MDC.getCopyOfContextMap();
			setContext(this.context);
			try {
				RequestPerformanceFilter.this.writer
					.write(exchange(this.request, this.response, this.start, this.failure, this.database));
			}
			finally {
				setContext(previous);
			}
		}

		@Override
		public void onTimeout(AsyncEvent event) {
		}

		@Override
		public void onError(AsyncEvent event) {
			this.failure = event.getThrowable();
		}

		@Override
		public void onStartAsync(AsyncEvent event) {
			event.getAsyncContext().addListener(this);
		}

		private static void setContext(@Nullable Map<String, String> context) {
			if (context != null) {
				MDC.setContextMap(context);
			}
			else {
				MDC.clear();
			}
		}

	}

}
