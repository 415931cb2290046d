package io.github.structuredlogging.sample.diagnostics;

import java.time.Duration;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Endpoints that behave badly on purpose, to show slow and failing requests in the logs.
 */
@RestController
@RequestMapping("/api/diagnostics")
class DiagnosticsController {

	private static final Logger log = LoggerFactory.getLogger(DiagnosticsController.class);

	private static final Duration MAX_DELAY = Duration.ofSeconds(10);

	@GetMapping("/slow")
	Map<String, Object> slow(@RequestParam(defaultValue = "1500") long millis) throws InterruptedException {
		long delay = Math.min(Math.max(millis, 0), MAX_DELAY.toMillis());
		log.atInfo().addKeyValue("delay_ms", delay).log("Simulating a slow dependency");
		Thread.sleep(delay);
		return Map.of("delay_ms", delay);
	}

	@GetMapping("/fail")
	Map<String, Object> fail() {
		try {
			throw new IllegalStateException("Inventory service unavailable");
		}
		catch (IllegalStateException ex) {
			log.error("Order lookup failed", ex);
			throw new DiagnosticFailureException("Simulated failure", ex);
		}
	}

	static class DiagnosticFailureException extends RuntimeException {

		DiagnosticFailureException(String message, Throwable cause) {
			super(message, cause);
		}

	}

}
