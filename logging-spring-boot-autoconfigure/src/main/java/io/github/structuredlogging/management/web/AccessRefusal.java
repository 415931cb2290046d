package io.github.structuredlogging.management.web;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * The one answer to a caller the {@link LogApiAccess} refuses, for the log API and the
 * {@code logs} Actuator endpoint alike: a 401 or 403 RFC 9457 problem.
 */
final class AccessRefusal {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private AccessRefusal() {
	}

	/**
	 * Write the refusal, before any handler: Spring MVC's converters do not write it.
	 * @param decision the refusing decision
	 * @param apiKey whether the access check asks for an API key
	 * @param request the request
	 * @param response the response
	 * @throws IOException when the response cannot be written
	 */
	static void write(LogApiAccess.Decision decision, boolean apiKey, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		Duration retryAfter = decision.retryAfter();
		if (retryAfter != null) {
			long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
			response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
			write(HttpStatus.TOO_MANY_REQUESTS, "Too many wrong " + ApiKeyAccess.HEADER
					+ " headers from this address; retry after " + seconds + " seconds", request, response);
			return;
		}
		HttpStatus status = decision.authenticated() ? HttpStatus.FORBIDDEN : HttpStatus.UNAUTHORIZED;
		String detail = decision.authenticated() ? "The log API needs an authority this user does not have"
				: apiKey ? "The log API needs a valid " + ApiKeyAccess.HEADER + " header"
						: "The log API needs an authenticated user";
		if (!decision.authenticated() && apiKey) {
			response.setHeader("WWW-Authenticate", "ApiKey header=\"" + ApiKeyAccess.HEADER + "\"");
		}
		write(status, detail, request, response);
	}

	private static void write(HttpStatus status, String detail, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		ProblemDetail problem = Problems.of(status, detail);
		problem.setInstance(URI.create(request.getRequestURI()));
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.getOutputStream().write(MAPPER.writeValueAsBytes(Problems.members(problem)));
	}

}
