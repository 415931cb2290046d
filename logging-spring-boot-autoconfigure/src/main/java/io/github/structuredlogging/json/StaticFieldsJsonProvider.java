package io.github.structuredlogging.json;

import java.util.Map;

import ch.qos.logback.classic.spi.ILoggingEvent;
import net.logstash.logback.composite.AbstractJsonProvider;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.SerializedString;

/**
 * Writes fields whose values are the same for every event, such as the service name.
 * Names and values are quoted and encoded once, here, rather than for every event.
 */
final class StaticFieldsJsonProvider extends AbstractJsonProvider<ILoggingEvent> {

	private final SerializableString[] names;

	private final SerializableString[] values;

	StaticFieldsJsonProvider(Map<String, String> fields) {
		this.names = fields.keySet().stream().map(SerializedString::new).toArray(SerializableString[]::new);
		this.values = fields.values().stream().map(SerializedString::new).toArray(SerializableString[]::new);
	}

	@Override
	public void writeTo(JsonGenerator generator, ILoggingEvent event) {
		for (int i = 0; i < this.names.length; i++) {
			generator.writeName(this.names[i]);
			generator.writeString(this.values[i]);
		}
	}

}
