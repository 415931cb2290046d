package io.github.structuredlogging.audit;

import java.util.List;

/**
 * The names of the fields of an audit line, and those the hash covers.
 */
public final class AuditFields {

	public static final String EVENT = "audit_event";

	public static final String ACTION = "audit_action";

	public static final String OUTCOME = "audit_outcome";

	public static final String PRINCIPAL = "audit_principal";

	public static final String RESOURCE_TYPE = "audit_resource_type";

	public static final String RESOURCE_ID = "audit_resource_id";

	public static final String REASON = "audit_reason";

	public static final String DETAILS = "audit_details";

	public static final String TIME = "audit_time";

	public static final String SEQUENCE = "audit_sequence";

	public static final String PREVIOUS_HASH = "audit_prev_hash";

	public static final String HASH = "audit_hash";

	public static final String CLIENT_IP = "client_ip";

	public static final String USER_AGENT = "user_agent";

	public static final String CORRELATION_ID = "correlation_id";

	public static final String TRACE_ID = "trace_id";

	/** Fields the hash covers, when present. */
	static final List<String> HASHED = List.of(EVENT, ACTION, OUTCOME, PRINCIPAL, RESOURCE_TYPE, RESOURCE_ID, REASON,
			DETAILS, CLIENT_IP, USER_AGENT, CORRELATION_ID, TRACE_ID, TIME, SEQUENCE);

	private AuditFields() {
	}

}
