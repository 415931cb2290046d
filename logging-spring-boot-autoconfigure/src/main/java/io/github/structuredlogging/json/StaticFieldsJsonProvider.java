package io.github.structuredlogging.json;

import java.util.LinkedHashMap;
import java.util.Map;

import ch.qos.logback.classic.spi.ILoggingEvent;
import net.logstash.logback.composite.AbstractJsonProvider;
import tools.jackson.core.JsonGenerator;

/**
 * Writes fields whose values are the same for every event, such as the service name.
 */
final class StaticFieldsJsonProvider extends AbstractJsonProvider<ILoggingEvent> {

	private final Map<String, String> fields;

	StaticFieldsJsonProvider(Map<String, String> fields) {
		this.fields = new LinkedHashMap<>(fields);
	}

	@Override
	public void writeTo(JsonGenerator generator, ILoggingEvent event) {
		this.fields.forEach(generator::writeStringProperty);
	}

}
