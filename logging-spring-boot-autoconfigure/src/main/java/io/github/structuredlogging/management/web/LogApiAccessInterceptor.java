package io.github.structuredlogging.management.web;

import java.io.IOException;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Refuses log API requests the {@link LogApiAccess} does not allow, with a 401 or 403
 * problem response.
 */
public final class LogApiAccessInterceptor implements HandlerInterceptor {

	/** Request attribute holding the allowed caller's principal. */
	public static final String PRINCIPAL_ATTRIBUTE = LogApiAccessInterceptor.class.getName() + ".principal";

	private final LogApiAccess access;

	private final boolean apiKey;

	private final boolean springSecurity;

	/**
	 * Create an interceptor that asks the given access check.
	 * @param access the access check
	 */
	public LogApiAccessInterceptor(LogApiAccess access) {
		this.access = access;
		this.apiKey = access instanceof ApiKeyAccess;
		this.springSecurity = access instanceof AuthorityAccess;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
			throws IOException {
		if (request.getDispatcherType() == DispatcherType.ASYNC) {
			return true;
		}
		boolean console = handler instanceof HandlerMethod method && method.getBeanType() == ConsoleController.class;
		if (this.apiKey && console) {
			// The page and its assets hold no data: the page asks for the key and sends it
			// with each call, which no browser can do for the page itself.
			return true;
		}
		LogApiAccess.Decision decision = this.access.check(request);
		if (decision.allowed()) {
			request.setAttribute(PRINCIPAL_ATTRIBUTE, decision.principal());
			return true;
		}
		if (this.springSecurity && !decision.authenticated() && console) {
			// The console is for people: the application's own login (a form, HTTP Basic)
			// asks for them, through Spring Security's entry point.
			throw new InsufficientAuthenticationException("The log console needs an authenticated user");
		}
		AccessRefusal.write(decision, this.apiKey, request, response);
		return false;
	}

	/**
	 * Return who the access decision found calling the API.
	 * @param request the request
	 * @return the principal, {@code null} when none is known
	 */
	public static @Nullable String principal(HttpServletRequest request) {
		return (request.getAttribute(PRINCIPAL_ATTRIBUTE) instanceof String principal) ? principal : null;
	}

}
