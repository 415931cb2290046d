package io.github.structuredlogging.management.web;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import io.github.structuredlogging.debug.DebugSession;
import io.github.structuredlogging.debug.DebugSessions;
import io.github.structuredlogging.management.InvalidParameterException;
import io.github.structuredlogging.management.Parameters;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /debug-sessions} of the log API: start DEBUG for the requests of one user, one
 * correlation ID or one header value, list the sessions, end one.
 */
@RestController
@RequestMapping("${structured-logging.api.base-path:/api/v1/logs}/debug-sessions")
public final class DebugSessionsController {

	private static final Set<String> FIELDS = Set.of("user", "correlation_id", "header", "logger", "duration");

	private static final Duration DEFAULT_DURATION = Duration.ofMinutes(15);

	private final DebugSessions sessions;

	private final Clock clock;

	/**
	 * Create the controller.
	 * @param sessions the sessions
	 * @param clock the clock
	 */
	public DebugSessionsController(DebugSessions sessions, Clock clock) {
		this.sessions = sessions;
		this.clock = clock;
	}

	@PostMapping
	ResponseEntity<?> start(@RequestBody(required = false) @Nullable Map<String, Object> body,
			HttpServletRequest request) {
		Map<String, String> fields = new LinkedHashMap<>();
		if (body != null) {
			body.forEach((name, value) -> fields.put(name, (value != null) ? String.valueOf(value) : null));
		}
		Parameters read = new Parameters(fields, this.clock).accepting(FIELDS);
		String user = read.text("user");
		String correlationId = read.text("correlation_id");
		String header = read.text("header");
		if (user == null && correlationId == null && header == null) {
			throw new InvalidParameterException("user", "name what to match: user, correlation_id or header");
		}
		if (header != null && (header.indexOf(':') < 1 || header.substring(header.indexOf(':') + 1).isBlank())) {
			throw new InvalidParameterException("header", "'" + header + "' is not 'Name: value'");
		}
		String logger = read.text("logger");
		Duration duration = read.duration("duration", DEFAULT_DURATION, DebugSessions.MAX_DURATION);
		DebugSession session;
		try {
			session = this.sessions.start(user, correlationId, header, (logger != null) ? logger : "", duration,
					principal(request));
		}
		catch (IllegalStateException ex) {
			return ResponseEntity.status(HttpStatus.CONFLICT).body(Problems.of(HttpStatus.CONFLICT, ex.getMessage()));
		}
		return ResponseEntity.created(URI.create(request.getRequestURI() + "/" + session.id())).body(session);
	}

	@GetMapping
	Map<String, Object> list() {
		return Map.of("sessions", this.sessions.list());
	}

	@DeleteMapping("/{id}")
	ResponseEntity<?> end(@PathVariable String id, HttpServletRequest request) {
		DebugSession ended = this.sessions.end(id, principal(request));
		return (ended != null) ? ResponseEntity.noContent().build()
				: ResponseEntity.status(HttpStatus.NOT_FOUND)
					.body(Problems.of(HttpStatus.NOT_FOUND, "No active debug session " + id));
	}

	private static @Nullable String principal(HttpServletRequest request) {
		return LogApiAccessInterceptor.principal(request);
	}

}
