package io.github.structuredlogging.audit;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.authorization.event.AuthorizationDeniedEvent;
import org.springframework.security.core.Authentication;

/**
 * Turns Spring Security's events into audit records: logins that worked and failed,
 * logouts, and denied access. A failure records why, never the credentials.
 */
public final class SecurityAuditListener {

	private final AuditTrail trail;

	private final AuthenticationFailureMonitor failures;

	/**
	 * Create a listener.
	 * @param trail where the records go
	 * @param failures watches for repeated failures
	 */
	public SecurityAuditListener(AuditTrail trail, AuthenticationFailureMonitor failures) {
		this.trail = trail;
		this.failures = failures;
	}

	@EventListener
	public void onSuccess(AuthenticationSuccessEvent event) {
		String principal = AuditPrincipals.of(event.getAuthentication());
		this.trail.record(new AuditRecord("AUTHENTICATION_SUCCESS", "login", AuditOutcome.SUCCESS, principal, null,
				null, null, Map.of()));
		this.failures.succeeded(principal);
	}

	@EventListener
	public void onFailure(AbstractAuthenticationFailureEvent event) {
		String principal = AuditPrincipals.of(event.getAuthentication());
		this.trail.record(new AuditRecord("AUTHENTICATION_FAILURE", "login", AuditOutcome.FAILURE, principal, null,
				null, event.getException().getMessage(),
				Map.of("failure_type", event.getException().getClass().getSimpleName())));
		this.failures.failed(this.trail, principal);
	}

	@EventListener
	public void onLogout(LogoutSuccessEvent event) {
		this.trail.record(new AuditRecord("LOGOUT", "logout", AuditOutcome.SUCCESS,
				AuditPrincipals.of(event.getAuthentication()), null, null, null, Map.of()));
	}

	@EventListener
	public void onDenied(AuthorizationDeniedEvent<?> event) {
		Authentication authentication = event.getAuthentication().get();
		this.trail.record(new AuditRecord("AUTHORIZATION_DENIED", "access", AuditOutcome.DENIED,
				(authentication != null) ? AuditPrincipals.of(authentication) : null, resourceType(event.getObject()),
				resourceId(event.getObject()), "Access denied", Map.of()));
	}

	private static @Nullable String resourceType(Object target) {
		return (target instanceof HttpServletRequest) ? "url" : "method";
	}

	private static @Nullable String resourceId(Object target) {
		if (target instanceof HttpServletRequest request) {
			return request.getMethod() + " " + request.getRequestURI();
		}
		return String.valueOf(target);
	}

}
