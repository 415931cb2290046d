package io.github.structuredlogging.json;

import java.util.Map;

import ch.qos.logback.classic.spi.ILoggingEvent;
import net.logstash.logback.composite.AbstractJsonProvider;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.SerializedString;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes fields whose values are the same for every event, such as the service name.
 * They are written as JSON once, here, and copied into every event as that text: no field
 * of theirs is quoted, encoded or checked again.
 */
final class StaticFieldsJsonProvider extends AbstractJsonProvider<ILoggingEvent> {

	private final SerializableString fields;

	StaticFieldsJsonProvider(Map<String, String> fields) {
		String object = JsonMapper.shared().writeValueAsString(fields);
		// The members without the braces, after the comma that ends the field before them:
		// the encoder's first field, the timestamp, is always written before these.
		this.fields = new SerializedString("," + object.substring(1, object.length() - 1));
	}

	@Override
	public void writeTo(JsonGenerator generator, ILoggingEvent event) {
		generator.writeRaw(this.fields);
	}

}
