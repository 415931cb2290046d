package io.github.structuredlogging.management.web;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.structuredlogging.audit.AuditLogger;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/**
 * The one audit record of a read of the audit records, in either scope: who read, with
 * which parameters (the scope among them), and how many records came back.
 */
final class AuditReads {

	private AuditReads() {
	}

	static void record(@Nullable AuditLogger audit, HttpServletRequest request, Map<String, String> parameters,
			int records) {
		if (audit == null) {
			return;
		}
		audit.event("LOG_API_AUDIT_READ")
			.action("read_audit_records")
			.principal(LogApiAccessInterceptor.principal(request))
			.detail("parameters", new LinkedHashMap<>(parameters))
			.detail("records", records)
			.success();
	}

}
