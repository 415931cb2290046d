package io.github.structuredlogging.json;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import io.github.structuredlogging.masking.MaskingEngine;
import io.github.structuredlogging.masking.MaskingSettings;
import net.logstash.logback.encoder.LoggingEventCompositeJsonEncoder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service identity, written once as JSON and copied into every line, comes back from
 * each line exactly as configured, whatever characters it holds, with the event's own
 * fields around it intact.
 */
class ServiceFieldsTests {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private static final ServiceIdentity SERVICE = new ServiceIdentity("orders \"eu\" \\ Zürich", "1.4.2\t",
			"prod\u2028uction", "host-ü", "host-ü-42");

	private final LoggerContext context = new LoggerContext();

	@ParameterizedTest
	@EnumSource(JsonLayout.class)
	void everyLineCarriesTheServiceFieldsAsConfigured(JsonLayout layout) {
		LoggingEventCompositeJsonEncoder encoder = StructuredJsonEncoders.create(layout, SERVICE,
				new StackTraceOptions(false, 64, 16384, List.of()), new MaskingEngine(MaskingSettings.defaults()));
		encoder.setContext(this.context);
		encoder.start();
		for (int i = 0; i < 2; i++) {
			JsonNode line = MAPPER.readTree(new String(encoder.encode(event()), StandardCharsets.UTF_8));
			assertThat(LogField.SERVICE_NAME.in(line).asString()).isEqualTo(SERVICE.name());
			assertThat(LogField.SERVICE_VERSION.in(line).asString()).isEqualTo(SERVICE.version());
			assertThat(LogField.ENVIRONMENT.in(line).asString()).isEqualTo(SERVICE.environment());
			assertThat(LogField.HOST_NAME.in(line).asString()).isEqualTo(SERVICE.hostName());
			assertThat(LogField.SERVICE_INSTANCE_ID.in(line).asString()).isEqualTo(SERVICE.instanceId());
			assertThat(LogField.MESSAGE.in(line).asString()).isEqualTo("Order placed");
			assertThat(LogField.LOG_STREAM.in(line).asString()).isEqualTo("application");
			assertThat(line.path("tenant").asString()).isEqualTo("acme");
		}
	}

	private LoggingEvent event() {
		Logger logger = this.context.getLogger("com.example.Orders");
		LoggingEvent event = new LoggingEvent(Logger.class.getName(), logger, Level.INFO, "Order placed", null, null);
		event.setMDCPropertyMap(Map.of("tenant", "acme"));
		return event;
	}

}
