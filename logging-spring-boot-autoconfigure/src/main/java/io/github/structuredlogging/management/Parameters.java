package io.github.structuredlogging.management;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.convert.DurationStyle;

/**
 * The query parameters of one request, read with a clear error naming the parameter
 * when a value cannot be used.
 */
public final class Parameters {

	private final Map<String, String> values;

	private final Clock clock;

	/**
	 * Create parameters from the given values.
	 * @param values the values by parameter name; blank values count as absent
	 * @param clock the clock relative times are measured from
	 */
	public Parameters(Map<String, String> values, Clock clock) {
		this.values = values;
		this.clock = clock;
	}

	/**
	 * Reject any parameter not in the given set, so that a typo is not silently ignored.
	 * @param known the names an operation accepts
	 * @return these parameters
	 */
	public Parameters accepting(Set<String> known) {
		for (String name : this.values.keySet()) {
			if (!known.contains(name)) {
				throw new InvalidParameterException(name, "unknown parameter; accepted are " + known);
			}
		}
		return this;
	}

	/**
	 * Return a parameter's value.
	 * @param name the parameter's name
	 * @return the value, {@code null} when absent or blank
	 */
	public @Nullable String text(String name) {
		String value = this.values.get(name);
		return (value == null || value.isBlank()) ? null : value.trim();
	}

	/**
	 * Return a whole-number parameter within bounds.
	 * @param name the parameter's name
	 * @param fallback the value when absent
	 * @param min the smallest value accepted
	 * @param max the largest value accepted
	 * @return the value
	 */
	public int integer(String name, int fallback, int min, int max) {
		String value = text(name);
		if (value == null) {
			return fallback;
		}
		try {
			int number = Integer.parseInt(value);
			if (number >= min && number <= max) {
				return number;
			}
		}
		catch (NumberFormatException ex) {
			// Reported below with the accepted range.
		}
		throw new InvalidParameterException(name, "'" + value + "' is not a whole number from " + min + " to " + max);
	}

	/**
	 * Return a duration parameter, such as {@code 15m}, {@code 2h} or {@code PT30S}.
	 * @param name the parameter's name
	 * @param fallback the value when absent
	 * @param max the longest duration accepted
	 * @return the value
	 */
	public Duration duration(String name, Duration fallback, Duration max) {
		String value = text(name);
		if (value == null) {
			return fallback;
		}
		Duration duration = parseDuration(name, value);
		if (duration.isNegative() || duration.isZero() || duration.compareTo(max) > 0) {
			throw new InvalidParameterException(name, "'" + value + "' must be greater than 0 and at most " + max);
		}
		return duration;
	}

	/**
	 * Return a point in time given as ISO-8601 ({@code 2026-11-22T10:00:00Z}, with or
	 * without offset, UTC when none) or as a time before now ({@code 15m}, {@code 2h}).
	 * @param name the parameter's name
	 * @return the instant, {@code null} when absent
	 */
	public @Nullable Instant instant(String name) {
		String value = text(name);
		if (value == null) {
			return null;
		}
		if (!value.isEmpty() && Character.isDigit(value.charAt(0)) && value.contains("-")) {
			return parseInstant(name, value);
		}
		try {
			return this.clock.instant().minus(parseDuration(name, value));
		}
		catch (DateTimeException | ArithmeticException ex) {
			throw new InvalidParameterException(name, "'" + value + "' reaches further back than time does");
		}
	}

	private static Instant parseInstant(String name, String value) {
		try {
			return OffsetDateTime.parse(value).toInstant();
		}
		catch (DateTimeException ex) {
			try {
				return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
			}
			catch (DateTimeException ex2) {
				throw new InvalidParameterException(name,
						"'" + value + "' is neither an ISO-8601 time such as 2026-11-22T10:00:00Z nor a duration such as 15m");
			}
		}
	}

	private static Duration parseDuration(String name, String value) {
		try {
			return DurationStyle.detectAndParse(value);
		}
		catch (IllegalArgumentException | ArithmeticException ex) {
			// Too large a number overflows rather than failing to parse.
			throw new InvalidParameterException(name, "'" + value + "' is not a duration such as 30s, 15m, 2h or 1d");
		}
	}

}
