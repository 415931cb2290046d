package io.github.structuredlogging.json;

import ch.qos.logback.classic.spi.ILoggingEvent;
import io.github.structuredlogging.logback.EventStream;
import net.logstash.logback.composite.AbstractFieldJsonProvider;
import tools.jackson.core.JsonGenerator;

/**
 * Writes the stream an event belongs to.
 */
final class LogStreamJsonProvider extends AbstractFieldJsonProvider<ILoggingEvent> {

	LogStreamJsonProvider(String fieldName) {
		setFieldName(fieldName);
	}

	@Override
	public void writeTo(JsonGenerator generator, ILoggingEvent event) {
		generator.writeStringProperty(getFieldName(), EventStream.of(event));
	}

}
