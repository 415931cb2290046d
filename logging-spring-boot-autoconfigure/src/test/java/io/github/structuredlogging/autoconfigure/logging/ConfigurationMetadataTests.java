package io.github.structuredlogging.autoconfigure.logging;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generated configuration metadata gives every property a description and a default,
 * so that IDEs can complete and explain them.
 */
class ConfigurationMetadataTests {

	// No fixed default: derived at start-up from other settings, or optional. Their
	// descriptions say what happens when they are not set.
	private static final Set<String> DERIVED = Set.of("structured-logging.service-name",
			"structured-logging.service-version", "structured-logging.environment",
			"structured-logging.service-instance-id",
			"structured-logging.file.directory", "structured-logging.audit.signing-key",
			"structured-logging.api.enabled", "structured-logging.api.key", "structured-logging.audit.geoip.database",
			"structured-logging.audit.geoip.asn-database", "structured-logging.shipping.elasticsearch.url",
			"structured-logging.shipping.elasticsearch.username", "structured-logging.shipping.elasticsearch.password",
			"structured-logging.shipping.elasticsearch.api-key", "structured-logging.shipping.loki.url",
			"structured-logging.shipping.loki.tenant", "structured-logging.shipping.loki.username",
			"structured-logging.shipping.loki.password", "structured-logging.shipping.loki.bearer-token",
			"structured-logging.shipping.otlp.endpoint", "structured-logging.shipping.otlp.headers",
			"structured-logging.shipping.tcp.destinations", "structured-logging.alerts.webhooks.critical",
			"structured-logging.alerts.webhooks.warning", "structured-logging.alerts.webhooks.info",
			"structured-logging.alerts.webhooks.headers", "structured-logging.archive.directory");

	@Test
	void everyPropertyHasADescriptionAndADefault() throws IOException {
		List<JsonNode> properties = properties();
		assertThat(properties).hasSizeGreaterThan(30);
		assertThat(properties).allSatisfy((property) -> {
			String name = property.path("name").asString();
			assertThat(property.path("description").asString("")).as(name).isNotBlank();
			if (DERIVED.contains(name)) {
				assertThat(property.path("description").asString()).as(name).containsAnyOf("Defaults to", "When neither", "Without it",
						"Without them");
			}
			else {
				assertThat(property.has("defaultValue")).as("default of %s", name).isTrue();
			}
		});
	}

	@Test
	void streamDefaultsFollowTheirRetentionPolicies() throws IOException {
		List<JsonNode> properties = properties();
		assertThat(defaultOf(properties, "structured-logging.file.application.max-history")).isEqualTo("30d");
		assertThat(defaultOf(properties, "structured-logging.file.error.max-history")).isEqualTo("90d");
		assertThat(defaultOf(properties, "structured-logging.file.audit.max-history")).isEqualTo("365d");
		assertThat(defaultOf(properties, "structured-logging.file.performance.max-file-size")).isEqualTo("200MB");
	}

	private static String defaultOf(List<JsonNode> properties, String name) {
		return properties.stream()
			.filter((property) -> name.equals(property.path("name").asString()))
			.findFirst()
			.orElseThrow()
			.path("defaultValue")
			.asString();
	}

	private static List<JsonNode> properties() throws IOException {
		try (InputStream input = new ClassPathResource("META-INF/spring-configuration-metadata.json").getInputStream()) {
			JsonNode metadata = JsonMapper.builder().build().readTree(input);
			return metadata.path("properties").valueStream().toList();
		}
	}

}
