package io.github.structuredlogging.store;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

import ch.qos.logback.classic.Level;
import org.jspecify.annotations.Nullable;

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
 * @param message the formatted message, masked
 * @param json the JSON line as written, masked; the bytes the files got, shared with them
 */
public record StoredEvent(long sequence, long timestamp, Level level, String logger, String stream,
		@Nullable String correlationId, @Nullable String traceId, String message, byte[] json) {

	public StoredEvent {
		Objects.requireNonNull(level, "'level' must not be null");
		Objects.requireNonNull(logger, "'logger' must not be null");
		Objects.requireNonNull(stream, "'stream' must not be null");
		Objects.requireNonNull(message, "'message' must not be null");
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
	 * Return the approximate heap the event takes, for the store's size report.
	 * @return the size in bytes
	 */
	long footprint() {
		// Object headers and references, plus the two payloads; strings are mostly Latin-1.
		return 96 + this.json.length + this.message.length() + this.logger.length();
	}

}
