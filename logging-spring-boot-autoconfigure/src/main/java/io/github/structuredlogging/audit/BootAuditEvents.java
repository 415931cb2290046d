package io.github.structuredlogging.audit;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.actuate.audit.AuditEvent;
import org.springframework.boot.actuate.audit.AuditEventRepository;
import org.springframework.boot.actuate.audit.listener.AuditApplicationEvent;
import org.springframework.context.event.EventListener;

/**
 * Connects the audit trail with Spring Boot's auditing: Boot's {@link AuditApplicationEvent}s
 * become audit records, and audit records reach Boot's {@link AuditEventRepository}, so
 * that {@code /actuator/auditevents} keeps working.
 */
public final class BootAuditEvents implements AuditSink {

	/** Detail that marks a record as coming from Spring Boot's auditing. */
	public static final String SOURCE = "source";

	private static final String FROM_BOOT = "spring-boot";

	// Spring Boot's own translations of Spring Security events, recorded by the starter
	// from the events themselves.
	private static final Set<String> SECURITY_TYPES = Set.of("AUTHENTICATION_SUCCESS", "AUTHENTICATION_FAILURE",
			"AUTHENTICATION_SWITCH", "LOGOUT_SUCCESS", "AUTHORIZATION_FAILURE");

	private final AuditTrail trail;

	private final AuditEventRepository repository;

	private final boolean securityRecorded;

	/**
	 * Create the connection.
	 * @param trail the audit trail
	 * @param repository Spring Boot's repository
	 * @param securityRecorded whether the starter records Spring Security's events itself
	 */
	public BootAuditEvents(AuditTrail trail, AuditEventRepository repository, boolean securityRecorded) {
		this.trail = trail;
		this.repository = repository;
		this.securityRecorded = securityRecorded;
	}

	@EventListener
	public void onAuditApplicationEvent(AuditApplicationEvent event) {
		AuditEvent audit = event.getAuditEvent();
		if (this.securityRecorded && SECURITY_TYPES.contains(audit.getType())) {
			return;
		}
		Map<String, Object> details = new LinkedHashMap<>();
		audit.getData().forEach((key, value) -> details.put(key, String.valueOf(value)));
		details.put(SOURCE, FROM_BOOT);
		this.trail.record(new AuditRecord(audit.getType(), null, outcomeOf(audit.getType()), audit.getPrincipal(), null,
				null, null, details));
	}

	@Override
	public void accept(AuditRecord record, long sequence) {
		if (FROM_BOOT.equals(record.details().get(SOURCE))) {
			// Spring Boot added it to the repository itself.
			return;
		}
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("outcome", record.outcome().value());
		data.put("sequence", sequence);
		if (record.resourceType() != null) {
			data.put("resource_type", record.resourceType());
		}
		if (record.resourceId() != null) {
			data.put("resource_id", record.resourceId());
		}
		if (record.reason() != null) {
			data.put("reason", record.reason());
		}
		String principal = (record.principal() != null) ? record.principal() : "anonymous";
		this.repository.add(new AuditEvent(principal, record.event(), data));
	}

	private static AuditOutcome outcomeOf(String type) {
		String upper = type.toUpperCase(Locale.ROOT);
		if (upper.contains("DENIED") || upper.contains("AUTHORIZATION_FAILURE")) {
			return AuditOutcome.DENIED;
		}
		return (upper.contains("FAILURE") || upper.contains("FAILED")) ? AuditOutcome.FAILURE : AuditOutcome.SUCCESS;
	}

}
