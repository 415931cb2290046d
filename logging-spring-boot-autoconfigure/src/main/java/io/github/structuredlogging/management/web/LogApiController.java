package io.github.structuredlogging.management.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.github.structuredlogging.alerting.Alerting;
import io.github.structuredlogging.archive.ArchiveVerification;
import io.github.structuredlogging.archive.LogArchive;
import io.github.structuredlogging.audit.AuditLogger;
import io.github.structuredlogging.audit.AuditVerification;
import io.github.structuredlogging.http.PerformanceSummary;
import io.github.structuredlogging.management.AuditRecords;
import io.github.structuredlogging.management.ErrorGroups;
import io.github.structuredlogging.management.EventQuery;
import io.github.structuredlogging.management.HealthReport;
import io.github.structuredlogging.management.InvalidParameterException;
import io.github.structuredlogging.management.LogManagement;
import io.github.structuredlogging.management.LoggingStatus;
import io.github.structuredlogging.management.Parameters;
import io.github.structuredlogging.management.SectionUnavailableException;
import io.github.structuredlogging.management.StatsReport;
import io.github.structuredlogging.management.TestEvents;
import io.github.structuredlogging.management.fleet.FleetSearch;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The log API, under {@code structured-logging.api.base-path}.
 */
@RestController
@RequestMapping("${structured-logging.api.base-path:/api/v1/logs}")
public final class LogApiController {

	private static final String AUDIT_PROPERTY = "structured-logging.audit.enabled=true and a log directory";

	private final LogManagement management;

	private final @Nullable AuditRecords auditRecords;

	private final @Nullable AuditLogger auditLogger;

	private final @Nullable TestEvents testEvents;

	private final @Nullable LiveTail liveTail;

	private final HeavyReads heavyReads;

	private final @Nullable Alerting alerting;

	private final @Nullable LogArchive archive;

	private final Clock clock;

	/**
	 * Create the controller.
	 * @param management the read operations
	 * @param auditRecords the audit files, {@code null} without an audit trail on disk
	 * @param auditLogger records the API's own audit events, {@code null} without a trail
	 * @param testEvents writes test events, {@code null} without a store
	 * @param liveTail the live tail, {@code null} without a store
	 * @param heavyReads bounds the reads that scan the audit files or the whole store
	 * @param alerting the alert rules, {@code null} when alerting is off
	 * @param archive the archive of rolled files, {@code null} when none is configured
	 * @param clock the clock relative times are measured from
	 */
	public LogApiController(LogManagement management, @Nullable AuditRecords auditRecords,
			@Nullable AuditLogger auditLogger, @Nullable TestEvents testEvents, @Nullable LiveTail liveTail,
			HeavyReads heavyReads, @Nullable Alerting alerting, @Nullable LogArchive archive, Clock clock) {
		this.management = management;
		this.auditRecords = auditRecords;
		this.auditLogger = auditLogger;
		this.testEvents = testEvents;
		this.liveTail = liveTail;
		this.heavyReads = heavyReads;
		this.alerting = alerting;
		this.archive = archive;
		this.clock = clock;
	}

	@GetMapping("/health")
	ResponseEntity<HealthReport> health(@RequestParam Map<String, String> parameters) {
		parameters(parameters).accepting(Set.of());
		HealthReport report = this.management.health();
		return ResponseEntity.status((report.status() == LoggingStatus.DOWN) ? HttpStatus.SERVICE_UNAVAILABLE
				: HttpStatus.OK).body(report);
	}

	@GetMapping("/stats")
	StatsReport stats(@RequestParam Map<String, String> parameters) {
		return this.management.stats(parameters(parameters));
	}

	@GetMapping("/recent")
	LogManagement.RecentEvents recent(@RequestParam Map<String, String> parameters) {
		Parameters read = parameters(parameters);
		// A text or field search reads every stored event.
		return (read.text("q") != null) ? this.heavyReads.run(() -> this.management.recent(read))
				: this.management.recent(read);
	}

	@GetMapping("/errors")
	ErrorGroups.Report errors(@RequestParam Map<String, String> parameters) {
		Parameters read = parameters(parameters);
		// Reads every stored WARN and ERROR of the window.
		return this.heavyReads.run(() -> this.management.errors(read));
	}

	@GetMapping("/performance")
	PerformanceSummary performance(@RequestParam Map<String, String> parameters) {
		return this.management.performance(parameters(parameters));
	}

	@GetMapping("/config")
	Map<String, Object> config(@RequestParam Map<String, String> parameters) {
		parameters(parameters).accepting(Set.of());
		return this.management.configuration();
	}

	@GetMapping("/audit")
	AuditRecords.AuditPage audit(@RequestParam Map<String, String> parameters, HttpServletRequest request) {
		Parameters read = parameters(parameters).accepting(AuditRecords.PARAMETERS);
		AuditRecords.AuditPage page = this.heavyReads.run(() -> auditRecords().find(read));
		AuditReads.record(this.auditLogger, request, parameters, page.records().size());
		return page;
	}

	@GetMapping("/audit/verify")
	Map<String, Object> verifyAudit(@RequestParam Map<String, String> parameters, HttpServletRequest request) {
		parameters(parameters).accepting(Set.of());
		AuditVerification verification = this.heavyReads.run(() -> auditRecords().verify());
		if (this.auditLogger != null) {
			this.auditLogger.event("LOG_API_AUDIT_VERIFIED")
				.action("verify_audit_chain")
				.principal(principal(request))
				.detail("valid", verification.valid())
				.detail("records", verification.records())
				.success();
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("valid", verification.valid());
		body.put("records", verification.records());
		body.put("broken_at", verification.brokenAt());
		body.put("problem", verification.problem());
		body.put("breaks", verification.breaks()
			.stream()
			.map((found) -> Map.of("sequence", found.sequence(), "kind",
					found.kind().name().toLowerCase(Locale.ROOT), "problem", found.problem()))
			.toList());
		return body;
	}

	@GetMapping("/alerts")
	Map<String, Object> alerts(@RequestParam Map<String, String> parameters) {
		parameters(parameters).accepting(Set.of());
		if (this.alerting == null) {
			throw new SectionUnavailableException("alerts", "structured-logging.alerts.enabled=true");
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("rules", this.alerting.ruleNames());
		body.put("active", this.alerting.active());
		body.put("recent", this.alerting.recent());
		return body;
	}

	@GetMapping("/archive/verify")
	ResponseEntity<?> verifyArchive(@RequestParam Map<String, String> parameters, HttpServletRequest request) {
		parameters(parameters).accepting(Set.of());
		LogArchive archive = this.archive;
		if (archive == null) {
			return ResponseEntity.status(HttpStatus.CONFLICT)
				.body(Problems.of(HttpStatus.CONFLICT,
						"No archive is configured: set structured-logging.archive.directory (and a log directory)"));
		}
		ArchiveVerification verification = this.heavyReads.run(() -> {
			try {
				return archive.verify();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
		if (this.auditLogger != null) {
			this.auditLogger.event("LOG_API_ARCHIVE_VERIFIED")
				.action("verify_archive")
				.principal(principal(request))
				.detail("valid", verification.valid())
				.detail("files", verification.files())
				.success();
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("valid", verification.valid());
		body.put("files", verification.files());
		body.put("missing", verification.missing());
		body.put("added", verification.added());
		body.put("changed", verification.changed());
		return ResponseEntity.ok(body);
	}

	@PostMapping("/test")
	TestEvents.TestEventsReport test(@RequestParam Map<String, String> parameters, HttpServletRequest request) {
		parameters(parameters).accepting(Set.of());
		if (this.testEvents == null) {
			throw new SectionUnavailableException("test", "structured-logging.store.enabled=true");
		}
		return this.testEvents.write(principal(request));
	}

	@GetMapping(path = "/stream", produces = { MediaType.TEXT_EVENT_STREAM_VALUE, MediaType.ALL_VALUE })
	SseEmitter stream(@RequestParam Map<String, String> parameters) {
		EventQuery query = EventQuery.from(parameters(parameters).accepting(EventQuery.PARAMETERS));
		if (this.liveTail == null) {
			throw new SectionUnavailableException("stream", "structured-logging.store.enabled=true");
		}
		return this.liveTail.subscribe(query);
	}

	@RequestMapping("/**")
	ResponseEntity<ProblemDetail> unknown(HttpServletRequest request) {
		return ResponseEntity.status(HttpStatus.NOT_FOUND)
			.body(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
					"No log API operation at " + request.getRequestURI()));
	}

	private AuditRecords auditRecords() {
		if (this.auditRecords == null) {
			throw new SectionUnavailableException("audit", AUDIT_PROPERTY);
		}
		return this.auditRecords;
	}

	// scope=fleet comes here only where it does not apply, or when the fleet view is off.
	private Parameters parameters(Map<String, String> parameters) {
		String scope = parameters.get(FleetSearch.SCOPE);
		if (scope == null) {
			return new Parameters(parameters, this.clock);
		}
		if (!scope.equals("local")) {
			throw new InvalidParameterException(FleetSearch.SCOPE, "'" + scope + "' is not local or fleet here: "
					+ "scope=fleet is for /recent, /errors, /performance, /stats and /audit, with "
					+ "structured-logging.fleet.enabled=true");
		}
		Map<String, String> local = new HashMap<>(parameters);
		local.remove(FleetSearch.SCOPE);
		return new Parameters(local, this.clock);
	}

	private static @Nullable String principal(HttpServletRequest request) {
		return LogApiAccessInterceptor.principal(request);
	}

}
