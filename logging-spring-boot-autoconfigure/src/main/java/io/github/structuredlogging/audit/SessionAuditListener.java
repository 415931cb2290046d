package io.github.structuredlogging.audit;

import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.security.web.authentication.session.SessionFixationProtectionEvent;

/**
 * Turns Spring Security's session events into audit records: a session ID changed to
 * protect against fixation. Sessions expired by the concurrent-session limit publish no
 * event; {@link SessionLimitAuditing} records those.
 */
public final class SessionAuditListener {

	private final AuditTrail trail;

	/**
	 * Create a listener.
	 * @param trail where the records go
	 */
	public SessionAuditListener(AuditTrail trail) {
		this.trail = trail;
	}

	@EventListener
	public void onFixationProtection(SessionFixationProtectionEvent event) {
		this.trail.record(new AuditRecord("SESSION_FIXATION_PROTECTION", "change_session_id", AuditOutcome.SUCCESS,
				AuditPrincipals.of(event.getAuthentication()), "session", null, null, Map.of()));
	}

}
