package io.github.structuredlogging.management;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ch.qos.logback.classic.Level;
import io.github.structuredlogging.api.LogStreams;
import io.github.structuredlogging.store.StoredEvent;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Which stored events a request asks for: the filters of {@code /recent} and
 * {@code /stream}. Cheap filters run first; {@code field:value} terms read the JSON line
 * only for events that pass them.
 *
 * @param minLevel the lowest level, {@code null} for all
 * @param loggerPrefix the start of the logger's name
 * @param stream the stream, {@code error} meaning WARN and above
 * @param correlationId the correlation ID
 * @param traceId the trace ID
 * @param since the earliest time, inclusive
 * @param until the latest time, inclusive
 * @param texts words the message must contain, ignoring case
 * @param fields {@code field:value} terms the JSON line must match
 */
public record EventQuery(@Nullable Level minLevel, @Nullable String loggerPrefix, @Nullable String stream,
		@Nullable String correlationId, @Nullable String traceId, @Nullable Instant since, @Nullable Instant until,
		List<String> texts, List<FieldTerm> fields) implements Predicate<StoredEvent> {

	/** The parameters a query reads. */
	public static final Set<String> PARAMETERS = Set.of("level", "logger", "stream", "correlation_id", "trace_id",
			"since", "until", "q");

	private static final Set<String> LEVELS = Set.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR");

	private static final Pattern AND = Pattern.compile("\\s+AND\\s+");

	private static final Pattern FIELD_TERM = Pattern.compile("([A-Za-z_@][A-Za-z0-9_.@-]*):(\\S.*)");

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	public EventQuery {
		texts = List.copyOf(texts);
		fields = List.copyOf(fields);
	}

	/**
	 * Read a query from request parameters.
	 * @param parameters the parameters
	 * @return the query
	 */
	public static EventQuery from(Parameters parameters) {
		Instant since = parameters.instant("since");
		Instant until = parameters.instant("until");
		if (since != null && until != null && since.isAfter(until)) {
			throw new InvalidParameterException("since", "must not be after 'until'");
		}
		List<String> texts = new ArrayList<>();
		List<FieldTerm> fields = new ArrayList<>();
		String q = parameters.text("q");
		if (q != null) {
			for (String term : AND.split(q)) {
				Matcher field = FIELD_TERM.matcher(term.trim());
				if (field.matches()) {
					fields.add(new FieldTerm(field.group(1), field.group(2).trim()));
				}
				else if (!term.isBlank()) {
					texts.add(term.trim().toLowerCase(Locale.ROOT));
				}
			}
		}
		return new EventQuery(level(parameters.text("level")), parameters.text("logger"),
				stream(parameters.text("stream")), parameters.text("correlation_id"), parameters.text("trace_id"),
				since, until, texts, fields);
	}

	private static @Nullable Level level(@Nullable String level) {
		if (level == null) {
			return null;
		}
		String name = level.toUpperCase(Locale.ROOT);
		if (!LEVELS.contains(name)) {
			throw new InvalidParameterException("level", "'" + level + "' is not one of " + LEVELS);
		}
		return Level.toLevel(name);
	}

	private static @Nullable String stream(@Nullable String stream) {
		if (stream != null && !stream.matches("[A-Za-z0-9_-]{1,64}")) {
			throw new InvalidParameterException("stream", "'" + stream + "' is not a stream name");
		}
		return stream;
	}

	@Override
	public boolean test(StoredEvent event) {
		return matchesLevel(event) && (this.loggerPrefix == null || event.logger().startsWith(this.loggerPrefix))
				&& matchesStream(event) && matches(this.correlationId, event.correlationId())
				&& matches(this.traceId, event.traceId())
				&& (this.since == null || event.timestamp() >= this.since.toEpochMilli())
				&& (this.until == null || event.timestamp() <= this.until.toEpochMilli()) && matchesTexts(event)
				&& matchesFields(event);
	}

	/**
	 * Return whether a newer event than the given one can no longer match, because it is
	 * older than {@code since}: readers walking newest first stop there.
	 * @param event an event
	 * @return whether the event is before the window
	 */
	public boolean isBeforeWindow(StoredEvent event) {
		return this.since != null && event.timestamp() < this.since.toEpochMilli();
	}

	private boolean matchesLevel(StoredEvent event) {
		return this.minLevel == null || event.level().isGreaterOrEqual(this.minLevel);
	}

	private boolean matchesStream(StoredEvent event) {
		if (this.stream == null) {
			return true;
		}
		return LogStreams.ERROR.equals(this.stream) ? event.level().isGreaterOrEqual(Level.WARN)
				: this.stream.equals(event.stream());
	}

	private static boolean matches(@Nullable String expected, @Nullable String actual) {
		return expected == null || expected.equals(actual);
	}

	private boolean matchesTexts(StoredEvent event) {
		if (this.texts.isEmpty()) {
			return true;
		}
		String message = event.message().toLowerCase(Locale.ROOT);
		for (String text : this.texts) {
			if (!message.contains(text)) {
				return false;
			}
		}
		return true;
	}

	private boolean matchesFields(StoredEvent event) {
		if (this.fields.isEmpty()) {
			return true;
		}
		JsonNode line;
		try {
			line = MAPPER.readTree(event.json());
		}
		catch (JacksonException ex) {
			return false;
		}
		for (FieldTerm field : this.fields) {
			if (!field.matches(line)) {
				return false;
			}
		}
		return true;
	}

	/**
	 * A {@code field:value} term: the field, as named in the JSON line, must have the
	 * value. Dotted names also reach into nested objects.
	 *
	 * @param field the field's name
	 * @param value the value, compared as text ignoring case
	 */
	public record FieldTerm(String field, String value) {

		boolean matches(JsonNode line) {
			JsonNode node = line.get(this.field);
			if (node == null && this.field.contains(".")) {
				node = line.at("/" + this.field.replace(".", "/"));
			}
			return node != null && node.isValueNode() && this.value.equalsIgnoreCase(node.asString());
		}

	}

}
