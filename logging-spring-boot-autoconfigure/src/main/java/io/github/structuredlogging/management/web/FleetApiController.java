package io.github.structuredlogging.management.web;

import java.time.Clock;
import java.util.Map;

import io.github.structuredlogging.http.PerformanceSummary;
import io.github.structuredlogging.management.ErrorGroups;
import io.github.structuredlogging.management.LogManagement;
import io.github.structuredlogging.management.Parameters;
import io.github.structuredlogging.management.fleet.FleetSearch;

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

	private final Clock clock;

	/**
	 * Create the controller.
	 * @param fleet the fleet reads
	 * @param heavyReads bounds the reads running at once, here those waiting on the cluster
	 * @param clock the clock relative times are measured from
	 */
	public FleetApiController(FleetSearch fleet, HeavyReads heavyReads, Clock clock) {
		this.fleet = fleet;
		this.heavyReads = heavyReads;
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

	private Parameters parameters(Map<String, String> parameters) {
		return new Parameters(parameters, this.clock);
	}

}
