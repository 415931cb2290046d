package io.github.structuredlogging.shipping;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HexFormat;

import io.github.structuredlogging.json.EventTruncation;
import io.github.structuredlogging.json.LogField;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * One event to ship: the JSON line exactly as the pipeline wrote it (encoded and masked
 * once, the same bytes as the files), and where reading it left the source.
 */
public final class ShippingEvent {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private static final byte[] TIMESTAMP_PREFIX = "{\"@timestamp\":\"".getBytes(StandardCharsets.US_ASCII);

	private final byte[] line;

	private final @Nullable ReadPosition end;

	private @Nullable JsonNode json;

	/**
	 * Create an event.
	 * @param line the JSON line, without its line feed
	 * @param end the source's position after this line, {@code null} when the source keeps none
	 */
	public ShippingEvent(byte[] line, @Nullable ReadPosition end) {
		this.line = line;
		this.end = end;
	}

	/**
	 * Return the JSON line as written.
	 * @return the bytes, without a line feed
	 */
	public byte[] line() {
		return this.line;
	}

	/**
	 * Return the JSON line as text.
	 * @return the line
	 */
	public String text() {
		return new String(this.line, StandardCharsets.UTF_8);
	}

	/**
	 * Return the source's position after this event.
	 * @return the position, {@code null} for a source that keeps none
	 */
	public @Nullable ReadPosition end() {
		return this.end;
	}

	/**
	 * Return the parsed line, parsed once.
	 * @return the JSON object, a missing node when the line is not JSON (a line cut by a
	 * crash)
	 */
	public JsonNode json() {
		JsonNode json = this.json;
		if (json == null) {
			try {
				json = MAPPER.readTree(this.line);
				if (json == null || !json.isObject()) {
					json = MissingNode.getInstance();
				}
			}
			catch (JacksonException ex) {
				json = MissingNode.getInstance();
			}
			this.json = json;
		}
		return json;
	}

	/**
	 * Return whether the line is a whole JSON object, as far as its ends tell: a line cut
	 * short by a crash does not end with a brace. Shippers that need the fields parse the
	 * line anyway; one that sends it as it is needs no more than this.
	 * @return whether it can be shipped
	 */
	public boolean readable() {
		int last = this.line.length - 1;
		while (last > 0 && (this.line[last] == ' ' || this.line[last] == '\r')) {
			last--;
		}
		return last > 0 && this.line[0] == '{' && this.line[last] == '}';
	}

	/**
	 * Return when the event happened, read from the start of the line where the encoder
	 * writes it, without parsing the line.
	 * @return the timestamp, {@code null} when the line has none there
	 */
	public @Nullable Instant timestamp() {
		int start = TIMESTAMP_PREFIX.length;
		if (this.line.length <= start || !Arrays.equals(this.line, 0, start, TIMESTAMP_PREFIX, 0, start)) {
			return null;
		}
		for (int end = start; end < this.line.length && end < start + 40; end++) {
			if (this.line[end] == '"') {
				try {
					return Instant.parse(new String(this.line, start, end - start, StandardCharsets.US_ASCII));
				}
				catch (DateTimeParseException ex) {
					return null;
				}
			}
		}
		return null;
	}

	/**
	 * Return a field's text, whichever layout wrote the line.
	 * @param field the field
	 * @return the text, {@code null} when the line has none
	 */
	public @Nullable String text(LogField field) {
		JsonNode node = field.in(json());
		return (node.isMissingNode() || node.isNull()) ? null : node.asString();
	}

	/**
	 * Return the stream the event belongs to.
	 * @return the stream, {@code application} when the line names none
	 */
	public String stream() {
		String stream = text(LogField.LOG_STREAM);
		return (stream != null) ? stream : "application";
	}

	/**
	 * Return this event cut to a size, the way {@link EventTruncation} cuts the files'
	 * lines.
	 * @param maxBytes the largest line the backend takes
	 * @return this event when it fits, else the cut one
	 */
	public ShippingEvent truncatedTo(int maxBytes) {
		byte[] fitting = EventTruncation.fit(this.line, maxBytes);
		return (fitting == this.line) ? this : new ShippingEvent(fitting, this.end);
	}

	/**
	 * Return an ID that is the same each time this line is shipped, so that a backend
	 * that keys documents by it stores a retried event once.
	 * @return 32 hexadecimal digits of the SHA-256 of the line
	 */
	public String id() {
		return sha256(this.line, 16);
	}

	/**
	 * Return the start of the SHA-256 of some bytes, in hexadecimal: the one digest the
	 * shippers use, for event IDs and to know files by their first line.
	 * @param bytes the bytes
	 * @param bytesKept how many bytes of the digest to keep
	 * @return twice that many hexadecimal digits
	 */
	static String sha256(byte[] bytes, int bytesKept) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, bytesKept);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

}
