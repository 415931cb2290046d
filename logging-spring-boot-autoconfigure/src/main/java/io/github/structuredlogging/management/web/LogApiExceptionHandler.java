package io.github.structuredlogging.management.web;

import io.github.structuredlogging.management.InvalidParameterException;
import io.github.structuredlogging.management.SectionUnavailableException;
import io.github.structuredlogging.management.fleet.FleetUnavailableException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Turns the log API's errors into RFC 9457 problem responses.
 */
@RestControllerAdvice(assignableTypes = { LogApiController.class, FleetApiController.class, DebugSessionsController.class })
public final class LogApiExceptionHandler {

	@ExceptionHandler
	ResponseEntity<ProblemDetail> invalidParameter(InvalidParameterException ex) {
		return ResponseEntity.badRequest().body(Problems.invalidParameter(ex));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> unavailable(SectionUnavailableException ex) {
		return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Problems.unavailable(ex));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> fleetUnavailable(FleetUnavailableException ex) {
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, ex.getMessage() + "; scope=local still answers"));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> tooManyHeavyReads(HeavyReads.TooManyHeavyReadsException ex) {
		return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
			.header(HttpHeaders.RETRY_AFTER, "1")
			.body(Problems.of(HttpStatus.TOO_MANY_REQUESTS, ex.getMessage()));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> tooManySubscribers(LiveTail.TooManySubscribersException ex) {
		return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
			.body(Problems.of(HttpStatus.TOO_MANY_REQUESTS, ex.getMessage()));
	}

}
