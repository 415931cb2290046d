package io.github.structuredlogging.debug;

import java.io.IOException;

import io.github.structuredlogging.api.CorrelationId;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Marks a request that matches a debug session with the session's ID in the MDC, for as
 * long as the request runs (and in the tasks the MDC is carried to). Runs after Spring
 * Security, so that the user is known; with no session active it only reads one field.
 */
public final class DebugSessionFilter extends OncePerRequestFilter {

	/** The filter's order: just after Spring Security's filter chain (-100). */
	public static final int ORDER = -99;

	private final DebugSessions sessions;

	/**
	 * Create the filter.
	 * @param sessions the sessions
	 */
	public DebugSessionFilter(DebugSessions sessions) {
		this.sessions = sessions;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		DebugSession session = this.sessions.active() ? this.sessions.matching(request.getRemoteUser(),
				MDC.get(CorrelationId.MDC_KEY), request::getHeader) : null;
		if (session == null) {
			chain.doFilter(request, response);
			return;
		}
		MDC.put(DebugSessions.MDC_KEY, session.id());
		try {
			chain.doFilter(request, response);
		}
		finally {
			MDC.remove(DebugSessions.MDC_KEY);
		}
	}

}
