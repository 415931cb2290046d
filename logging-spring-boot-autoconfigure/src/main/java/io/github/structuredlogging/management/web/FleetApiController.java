package io.github.structuredlogging.management.web;

import java.time.Clock;
import java.util.Map;

import io.github.structuredlogging.audit.AuditLogger;
import io.github.structuredlogging.http.PerformanceSummary;
import io.github.structuredlogging.management.ErrorGroups;
import io.github.structuredlogging.management.LogManagement;
import io.github.structuredlogging.management.Parameters;
import io.github.structuredlogging.management.fleet.FleetAuditPage;
import io.github.structuredlogging.management.fleet.FleetSearch;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The log API's reads with {@code scope=fleet}, answered by the log cluster for every
 * instance; the same requests without it go to {@link LogApiController}.
 */
@RestController
@RequestMapping("${structured-logging.api.base-path:/api/v1/logs}")
public final class FleetApiController {

	private static final String FLEET = FleetSearch.SCOPE + "=fleet";

	private final FleetSearch fleet;

	private final HeavyReads heavyReads;

	private final @Nullable AuditLogger auditLogger;

	private final Clock clock;

	/**
	 * Create the controller.
	 * @param fleet the fleet reads
	 * @param heavyReads bounds the reads running at once, here those waiting on the cluster
	 * @param auditLogger records reads of the audit records, {@code null} without a trail
	 * @param clock the clock relative times are measured from
	 */
	public FleetApiController(FleetSearch fleet, HeavyReads heavyReads, @Nullable AuditLogger auditLogger,
			Clock clock) {
		this.fleet = fleet;
		this.heavyReads = heavyReads;
		this.auditLogger = auditLogger;
		this.clock = clock;
	}

	@GetMapping("/fleet")
	Map<String, Object> describe() {
		return this.fleet.describe();
	}

	@GetMapping(path = "/recent", params = FLEET)
	LogManagement.RecentEvents recent(@RequestParam Map<String, String> parameters) {
		return this.heavyReads.run(() -> this.fleet.recent(parameters(parameters)));
	}

	@GetMapping(path = "/performance", params = FLEET)
	PerformanceSummary performance(@RequestParam Map<String, String> parameters) {
		return this.heavyReads.run(() -> this.fleet.performance(parameters(parameters)));
	}

	@GetMapping(path = "/errors", params = FLEET)
	ErrorGroups.Report errors(@RequestParam Map<String, String> parameters) {
		return this.heavyReads.run(() -> this.fleet.errors(parameters(parameters)));
	}

	@GetMapping(path = "/stats", params = FLEET)
	Map<String, Object> stats(@RequestParam Map<String, String> parameters) {
		return this.heavyReads.run(() -> this.fleet.stats(parameters(parameters)));
	}

	@GetMapping(path = "/audit", params = FLEET)
	FleetAuditPage audit(@RequestParam Map<String, String> parameters, HttpServletRequest request) {
		FleetAuditPage page = this.heavyReads.run(() -> this.fleet.audit(parameters(parameters)));
		AuditReads.record(this.auditLogger, request, parameters, page.records().size());
		return page;
	}

	private Parameters parameters(Map<String, String> parameters) {
		return new Parameters(parameters, this.clock);
	}

}
