package io.github.structuredlogging.http;

import org.jspecify.annotations.Nullable;

/**
 * What the performance line says about one finished request.
 *
 * @param method the HTTP method
 * @param path the request path, without the query
 * @param route the matched route template, such as {@code /orders/{id}}, when known
 * @param query the query string, when any
 * @param status the response status
 * @param durationNanos how long the request took
 * @param requestBytes the size of the request body
 * @param responseBytes the size of the response body
 * @param clientIp the client's address, as the server's forwarded-header strategy sees it
 * @param userAgent the user agent, truncated
 * @param userName the authenticated user, when any
 * @param failure the exception the request failed with, when any
 * @param database the JDBC statements the request ran, when counted
 * @param memoryUsedMb heap in use when the request finished, when measured
 * @param correlationIdRejected whether the caller's correlation ID was rejected
 * @param bodies the captured bodies, when bodies are captured
 */
public record RequestExchange(String method, String path, @Nullable String route, @Nullable String query, int status,
		long durationNanos, long requestBytes, long responseBytes, String clientIp, @Nullable String userAgent,
		@Nullable String userName, @Nullable Throwable failure, @Nullable DatabaseActivity database,
		@Nullable Double memoryUsedMb, boolean correlationIdRejected, @Nullable Bodies bodies) {

	/**
	 * Return the duration in milliseconds, to the microsecond.
	 * @return the duration
	 */
	public double durationMillis() {
		return Durations.millis(this.durationNanos);
	}

	/**
	 * Samples of the request and response bodies, each cut at the capture limit.
	 *
	 * @param request the request body, when textual
	 * @param requestTruncated whether the request body was cut
	 * @param response the response body, when textual
	 * @param responseTruncated whether the response body was cut
	 */
	public record Bodies(@Nullable String request, boolean requestTruncated, @Nullable String response,
			boolean responseTruncated) {

	}

}
