package io.github.structuredlogging.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.security.config.Customizer;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.LogoutConfigurer;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.security.web.session.ConcurrentSessionFilter;

/**
 * Records a {@code SESSION_EXPIRED} audit record when a session that the
 * concurrent-session limit expired comes back. Spring Security's
 * {@link ConcurrentSessionFilter} publishes no event for it; it only logs the session
 * out, so the record is taken by a logout handler added to that filter, before the
 * handlers that clear the security context. Applied to every {@link HttpSecurity} as a
 * {@code Customizer<HttpSecurity>} bean; without {@code maximumSessions} it does nothing.
 */
public final class SessionLimitAuditing implements Customizer<HttpSecurity> {

	private final AuditTrail trail;

	/**
	 * Create the customizer.
	 * @param trail where the records go
	 */
	public SessionLimitAuditing(AuditTrail trail) {
		this.trail = trail;
	}

	@Override
	public void customize(HttpSecurity http) {
		http.sessionManagement((sessions) -> sessions.withObjectPostProcessor(new ObjectPostProcessor<ConcurrentSessionFilter>() {

			@Override
			public <O extends ConcurrentSessionFilter> O postProcess(O filter) {
				filter.setLogoutHandlers(handlers(http));
				return filter;
			}

		}));
	}

	// The filter was just given the logout configurer's handlers, or its own default; it
	// cannot be asked for them, so the same choice is made again with this one in front.
	@SuppressWarnings("unchecked")
	private List<LogoutHandler> handlers(HttpSecurity http) {
		List<LogoutHandler> handlers = new ArrayList<>();
		handlers.add(this::recordExpiry);
		LogoutConfigurer<HttpSecurity> logout = http.getConfigurer(LogoutConfigurer.class);
		List<LogoutHandler> configured = (logout != null) ? logout.getLogoutHandlers() : List.of();
		if (configured.isEmpty()) {
			handlers.add(new SecurityContextLogoutHandler());
		}
		else {
			handlers.addAll(configured);
		}
		return handlers;
	}

	private void recordExpiry(HttpServletRequest request, HttpServletResponse response,
			@Nullable Authentication authentication) {
		this.trail.record(new AuditRecord("SESSION_EXPIRED", "expire_session", AuditOutcome.DENIED,
				(authentication != null) ? AuditPrincipals.of(authentication) : null, "session", null,
				"Maximum concurrent sessions exceeded", Map.of()));
	}

}
