package io.github.structuredlogging.management;

import io.github.structuredlogging.store.StoredEvent;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.annotation.JsonSerialize;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * A JSON line as the pipeline wrote it, served as is: entries of the log API have
 * exactly the fields of the log line, and are not parsed to be written again.
 *
 * @param json the JSON object, as text
 */
@JsonSerialize(using = JsonLine.Serializer.class)
public record JsonLine(String json) {

	static JsonLine of(StoredEvent event) {
		return new JsonLine(event.jsonText());
	}

	static final class Serializer extends StdSerializer<JsonLine> {

		Serializer() {
			super(JsonLine.class);
		}

		@Override
		public void serialize(JsonLine line, JsonGenerator generator, SerializationContext context) {
			generator.writeRawValue(line.json());
		}

	}

}
