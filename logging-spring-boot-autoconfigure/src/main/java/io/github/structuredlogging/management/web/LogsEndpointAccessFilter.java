package io.github.structuredlogging.management.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guards the {@code logs} Actuator endpoint exactly as the log API is guarded: Actuator's
 * endpoints are not served through the handler mapping the log API's interceptor sits
 * on, so the same check runs here, after Spring Security has authenticated the caller.
 */
public final class LogsEndpointAccessFilter extends OncePerRequestFilter {

	private final LogApiAccess access;

	/**
	 * Create a filter that asks the given access check.
	 * @param access the access check of the log API
	 */
	public LogsEndpointAccessFilter(LogApiAccess access) {
		this.access = access;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		LogApiAccess.Decision decision = this.access.check(request);
		if (!decision.allowed()) {
			AccessRefusal.write(decision, this.access instanceof ApiKeyAccess, request, response);
			return;
		}
		chain.doFilter(request, response);
	}

}
