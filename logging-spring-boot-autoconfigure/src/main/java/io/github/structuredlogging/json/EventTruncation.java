package io.github.structuredlogging.json;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Cuts a JSON line that is longer than an output takes: its longest string values are
 * halved, one at a time, until the line fits, and {@code event_truncated} is set; what no
 * cutting of values can shrink keeps only the time, level, logger, service, IDs and the
 * start of the message. The one way the files and every shipper cut an event.
 */
public final class EventTruncation {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	// A value shorter than this is not worth cutting further.
	private static final int SHORTEST_CUT = 64;

	private EventTruncation() {
	}

	/**
	 * Return a line cut to a size.
	 * @param line the JSON line, without its line feed
	 * @param maxBytes the longest line the output takes
	 * @return the line itself when it fits or is not a JSON object, else the cut line
	 */
	public static byte[] fit(byte[] line, int maxBytes) {
		if (line.length <= maxBytes) {
			return line;
		}
		JsonNode parsed;
		try {
			parsed = MAPPER.readTree(line);
		}
		catch (JacksonException ex) {
			return line;
		}
		if (!(parsed instanceof ObjectNode original)) {
			return line;
		}
		ObjectNode cut = original.deepCopy();
		cut.put(name(LogField.EVENT_TRUNCATED, layoutOf(original)), true);
		byte[] written = MAPPER.writeValueAsBytes(cut);
		for (int i = 0; i < 256 && written.length > maxBytes; i++) {
			if (!halveLongestString(cut)) {
				break;
			}
			written = MAPPER.writeValueAsBytes(cut);
		}
		return (written.length <= maxBytes) ? written : essentials(original, maxBytes);
	}

	private static byte[] essentials(ObjectNode original, int maxBytes) {
		JsonLayout layout = layoutOf(original);
		ObjectNode kept = MAPPER.createObjectNode();
		for (LogField field : List.of(LogField.TIMESTAMP, LogField.LEVEL, LogField.LOGGER, LogField.SERVICE_NAME,
				LogField.LOG_STREAM, LogField.CORRELATION_ID, LogField.TRACE_ID)) {
			JsonNode value = field.in(original);
			if (value.isValueNode()) {
				kept.set(name(field, layout), value);
			}
		}
		JsonNode message = LogField.MESSAGE.in(original);
		String text = message.isValueNode() ? message.asString() : "";
		kept.put(name(LogField.MESSAGE, layout), text.substring(0, Math.min(text.length(), Math.max(0, maxBytes / 4))));
		kept.put(name(LogField.EVENT_TRUNCATED, layout), true);
		return MAPPER.writeValueAsBytes(kept);
	}

	private static String name(LogField field, JsonLayout layout) {
		String name = field.nameIn(layout);
		return (name != null) ? name : field.ecsName();
	}

	private static JsonLayout layoutOf(ObjectNode line) {
		return line.has(LogField.LEVEL.key()) ? JsonLayout.DEFAULT : JsonLayout.ECS;
	}

	private static boolean halveLongestString(JsonNode node) {
		Longest longest = new Longest();
		longest.find(node);
		if (longest.parent == null || longest.length < SHORTEST_CUT) {
			return false;
		}
		String value = longest.parent.get(longest.name).asString();
		longest.parent.put(longest.name, value.substring(0, value.length() / 2) + "...[truncated]");
		return true;
	}

	// Finds the longest string value in a tree of objects.
	private static final class Longest {

		private @Nullable ObjectNode parent;

		private @Nullable String name;

		private int length;

		void find(JsonNode node) {
			if (node instanceof ObjectNode object) {
				for (Map.Entry<String, JsonNode> property : object.properties()) {
					JsonNode value = property.getValue();
					if (value.isString() && value.asString().length() > this.length) {
						this.parent = object;
						this.name = property.getKey();
						this.length = value.asString().length();
					}
					else if (value.isContainer()) {
						find(value);
					}
				}
			}
			else if (node.isArray()) {
				node.forEach(this::find);
			}
		}

	}

}
