package io.github.structuredlogging.store;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

import ch.qos.logback.classic.Level;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * One event as it was written: the masked JSON line plus the few fields the log API
 * filters on.
 *
 * @param sequence the event's position in the store, counting from zero at start-up
 * @param timestamp when the event happened, in epoch milliseconds
 * @param level the event's level
 * @param logger the logger's name
 * @param stream the stream the event belongs to
 * @param correlationId the correlation ID, when any
 * @param traceId the trace ID, when any
 * @param json the JSON line as written, masked
 */
public record StoredEvent(long sequence, long timestamp, Level level, String logger, String stream,
		@Nullable String correlationId, @Nullable String traceId, byte[] json) {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private static final String MESSAGE_FIELD = "message";

	public StoredEvent {
		Objects.requireNonNull(level, "'level' must not be null");
		Objects.requireNonNull(logger, "'logger' must not be null");
		Objects.requireNonNull(stream, "'stream' must not be null");
		Objects.requireNonNull(json, "'json' must not be null");
	}

	/**
	 * Return the JSON line as text, without its line separator.
	 * @return the JSON line
	 */
	public String jsonText() {
		int end = this.json.length;
		while (end > 0 && (this.json[end - 1] == '\n' || this.json[end - 1] == '\r')) {
			end--;
		}
		return new String(this.json, 0, end, StandardCharsets.UTF_8);
	}

	/**
	 * Return the message as written, masked. Read from the JSON line when asked, so that the
	 * writer thread does not mask it a second time; both layouts name it {@code message}.
	 * @return the message, empty when the line has none
	 */
	public String message() {
		try (JsonParser parser = MAPPER.createParser(this.json)) {
			if (parser.nextToken() != JsonToken.START_OBJECT) {
				return "";
			}
			while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
				String name = parser.currentName();
				parser.nextToken();
				if (MESSAGE_FIELD.equals(name)) {
					return parser.getValueAsString("");
				}
				parser.skipChildren();
			}
			return "";
		}
		catch (JacksonException ex) {
			return "";
		}
	}

}
