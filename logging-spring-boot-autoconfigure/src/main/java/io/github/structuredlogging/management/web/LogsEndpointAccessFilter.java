package io.github.structuredlogging.management.web;

import java.io.IOException;
import java.util.function.Supplier;

import io.github.structuredlogging.audit.AuditLogger;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guards the {@code logs} Actuator endpoint exactly as the log API is guarded: Actuator's
 * endpoints are not served through the handler mapping the log API's interceptor sits
 * on, so the same check runs here, after Spring Security has authenticated the caller.
 */
public final class LogsEndpointAccessFilter extends OncePerRequestFilter {

	private final LogApiAccess access;

	private final Supplier<@Nullable AuditLogger> audit;

	/**
	 * Create a filter that asks the given access check.
	 * @param access the access check of the log API
	 * @param audit supplies where reads of recent events are recorded, {@code null} for
	 * nowhere
	 */
	public LogsEndpointAccessFilter(LogApiAccess access, Supplier<@Nullable AuditLogger> audit) {
		this.access = access;
		this.audit = audit;
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
		recordRecentRead(request, response, decision.principal());
	}

	// Recent events include the audit stream's: reading them is recorded, as reading the
	// audit records through the log API is.
	private void recordRecentRead(HttpServletRequest request, HttpServletResponse response,
			@Nullable String principal) {
		AuditLogger audit = this.audit.get();
		if (audit != null && request.getRequestURI().endsWith("/recent") && response.getStatus() < 400) {
			audit.event("LOG_API_AUDIT_READ")
				.action("read_recent_events")
				.principal(principal)
				.resource("endpoint", request.getRequestURI())
				.detail("query", request.getQueryString())
				.success();
		}
	}

}
