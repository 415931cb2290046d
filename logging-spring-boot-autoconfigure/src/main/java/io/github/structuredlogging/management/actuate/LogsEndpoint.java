package io.github.structuredlogging.management.actuate;

import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import io.github.structuredlogging.management.InvalidParameterException;
import io.github.structuredlogging.management.LogManagement;
import io.github.structuredlogging.management.Parameters;
import io.github.structuredlogging.management.SectionUnavailableException;
import io.github.structuredlogging.management.web.Problems;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.actuate.endpoint.web.annotation.WebEndpoint;
import org.springframework.http.ProblemDetail;

/**
 * The {@code logs} Actuator endpoint: health, stats, recent events, performance and
 * configuration, from the same operations as the log API.
 */
@WebEndpoint(id = "logs")
public final class LogsEndpoint {

	/** The sections served at {@code /actuator/logs/{section}}. */
	public static final Set<String> SECTIONS = Set.of("health", "stats", "recent", "performance", "config");

	private final LogManagement management;

	private final Clock clock;

	/**
	 * Create the endpoint.
	 * @param management the operations
	 * @param clock the clock relative times are measured from
	 */
	public LogsEndpoint(LogManagement management, Clock clock) {
		this.management = management;
		this.clock = clock;
	}

	/**
	 * Return the health and the statistics together.
	 * @return the overview
	 */
	@ReadOperation
	public Map<String, Object> overview() {
		Map<String, Object> overview = new LinkedHashMap<>();
		overview.put("health", this.management.health());
		try {
			overview.put("stats", this.management.stats(parameters(Map.of())));
		}
		catch (SectionUnavailableException ex) {
			// Health alone, when the store is off.
		}
		overview.put("sections", SECTIONS);
		return overview;
	}

	/**
	 * Return one section, with the parameters of the log API.
	 * @param section the section
	 * @param level the lowest level of recent events
	 * @param logger the start of the logger's name of recent events
	 * @param stream the stream of recent events
	 * @param correlation_id the correlation ID of recent events
	 * @param trace_id the trace ID of recent events
	 * @param since the earliest time of recent events
	 * @param until the latest time of recent events
	 * @param q the text or field terms of recent events
	 * @param limit the most recent events to return
	 * @param window the window of the performance report
	 * @param slowest how many slowest requests to list
	 * @param top how many loggers the statistics list
	 * @return the section, or a 400 or 404 response
	 */
	@ReadOperation
	public WebEndpointResponse<Object> section(@Selector String section, @Nullable String level,
			@Nullable String logger, @Nullable String stream, @Nullable String correlation_id,
			@Nullable String trace_id, @Nullable String since, @Nullable String until, @Nullable String q,
			@Nullable String limit, @Nullable String window, @Nullable String slowest, @Nullable String top) {
		Map<String, @Nullable String> given = new HashMap<>();
		given.put("level", level);
		given.put("logger", logger);
		given.put("stream", stream);
		given.put("correlation_id", correlation_id);
		given.put("trace_id", trace_id);
		given.put("since", since);
		given.put("until", until);
		given.put("q", q);
		given.put("limit", limit);
		given.put("window", window);
		given.put("slowest", slowest);
		given.put("top", top);
		given.values().removeIf((value) -> value == null);
		Parameters parameters = parameters(given);
		try {
			return new WebEndpointResponse<>(read(section, parameters));
		}
		catch (InvalidParameterException ex) {
			return problem(Problems.invalidParameter(ex));
		}
		catch (SectionUnavailableException ex) {
			return problem(Problems.unavailable(ex));
		}
	}

	private Object read(String section, Parameters parameters) {
		return switch (section) {
			case "health" -> this.management.health();
			case "stats" -> this.management.stats(parameters);
			case "recent" -> this.management.recent(parameters);
			case "performance" -> this.management.performance(parameters);
			case "config" -> this.management.configuration();
			default -> throw new SectionUnavailableException(section, "one of " + SECTIONS);
		};
	}

	@SuppressWarnings("unchecked")
	private Parameters parameters(Map<String, ? extends @Nullable String> given) {
		return new Parameters((Map<String, String>) given, this.clock);
	}

	// Written by Actuator's own JSON mapper, which has no problem support.
	private static WebEndpointResponse<Object> problem(ProblemDetail problem) {
		return new WebEndpointResponse<>(Problems.members(problem), problem.getStatus());
	}

}
