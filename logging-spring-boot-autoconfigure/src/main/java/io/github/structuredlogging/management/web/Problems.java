package io.github.structuredlogging.management.web;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.structuredlogging.management.InvalidParameterException;
import io.github.structuredlogging.management.SectionUnavailableException;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * The one way the log API and the {@code logs} endpoint answer an error: an RFC 9457
 * {@link ProblemDetail}.
 */
public final class Problems {

	private Problems() {
	}

	/**
	 * Return the problem of a request parameter with a bad value.
	 * @param ex the exception naming the parameter
	 * @return a 400 problem with a {@code parameter} member
	 */
	public static ProblemDetail invalidParameter(InvalidParameterException ex) {
		ProblemDetail problem = of(HttpStatus.BAD_REQUEST, ex.getMessage());
		problem.setTitle("Invalid parameter");
		problem.setProperty("parameter", ex.parameter());
		return problem;
	}

	/**
	 * Return the problem of a section that does not exist or is switched off.
	 * @param ex the exception
	 * @return a 404 problem
	 */
	public static ProblemDetail unavailable(SectionUnavailableException ex) {
		return of(HttpStatus.NOT_FOUND, ex.getMessage());
	}

	/**
	 * Return a problem of the given status.
	 * @param status the status
	 * @param detail what went wrong, for the caller
	 * @return the problem
	 */
	public static ProblemDetail of(HttpStatus status, @Nullable String detail) {
		return ProblemDetail.forStatusAndDetail(status, detail);
	}

	/**
	 * Return the members of a problem as Spring MVC writes them, extension members beside
	 * the standard ones, for writers without Spring MVC's problem support.
	 * @param problem the problem
	 * @return the members
	 */
	public static Map<String, Object> members(ProblemDetail problem) {
		Map<String, Object> members = new LinkedHashMap<>();
		// As Spring MVC writes it: no type member means "about:blank" (RFC 9457, 4.2.1).
		if (problem.getType() != null) {
			members.put("type", problem.getType().toString());
		}
		if (problem.getTitle() != null) {
			members.put("title", problem.getTitle());
		}
		members.put("status", problem.getStatus());
		if (problem.getDetail() != null) {
			members.put("detail", problem.getDetail());
		}
		if (problem.getInstance() != null) {
			members.put("instance", problem.getInstance().toString());
		}
		if (problem.getProperties() != null) {
			members.putAll(problem.getProperties());
		}
		return members;
	}

}
