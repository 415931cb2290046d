package io.github.structuredlogging.management.web;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Refuses log API requests the {@link LogApiAccess} does not allow, with a 401 or 403
 * problem response.
 */
public final class LogApiAccessInterceptor implements HandlerInterceptor {

	/** Request attribute holding the allowed caller's principal. */
	public static final String PRINCIPAL_ATTRIBUTE = LogApiAccessInterceptor.class.getName() + ".principal";

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private final LogApiAccess access;

	private final boolean apiKey;

	/**
	 * Create an interceptor that asks the given access check.
	 * @param access the access check
	 */
	public LogApiAccessInterceptor(LogApiAccess access) {
		this.access = access;
		this.apiKey = access instanceof ApiKeyAccess;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
			throws IOException {
		if (request.getDispatcherType() == DispatcherType.ASYNC) {
			return true;
		}
		LogApiAccess.Decision decision = this.access.check(request);
		if (decision.allowed()) {
			request.setAttribute(PRINCIPAL_ATTRIBUTE, decision.principal());
			return true;
		}
		HttpStatus status = decision.authenticated() ? HttpStatus.FORBIDDEN : HttpStatus.UNAUTHORIZED;
		String detail = decision.authenticated() ? "The log API needs an authority this user does not have"
				: this.apiKey ? "The log API needs a valid " + ApiKeyAccess.HEADER + " header"
						: "The log API needs an authenticated user";
		if (!decision.authenticated() && this.apiKey) {
			response.setHeader("WWW-Authenticate", "ApiKey header=\"" + ApiKeyAccess.HEADER + "\"");
		}
		ProblemDetail problem = Problems.of(status, detail);
		problem.setInstance(URI.create(request.getRequestURI()));
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		// Before any handler: Spring MVC's converters do not write this response.
		response.getOutputStream().write(MAPPER.writeValueAsBytes(Problems.members(problem)));
		return false;
	}

}
