package io.github.structuredlogging.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.github.structuredlogging.audit.AuditFiles;
import io.github.structuredlogging.audit.AuditVerifier;
import io.github.structuredlogging.testing.HttpCalls;
import io.github.structuredlogging.testing.JsonLines;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static io.github.structuredlogging.testing.AuditRecordLines.only;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Audit records of external client addresses located in GeoLite2 databases (CC BY-SA 4.0,
 * by MaxMind, from Maven Central), with the new-country signal of failed logins.
 */
class GeoIpAuditTests {

	@TempDir
	static Path databases;

	@TempDir
	Path logs;

	@BeforeAll
	static void extractDatabases() throws IOException {
		for (String name : List.of("GeoLite2-City.mmdb", "GeoLite2-ASN.mmdb")) {
			try (InputStream database = GeoIpAuditTests.class.getResourceAsStream("/" + name)) {
				Files.copy(database, databases.resolve(name));
			}
		}
	}

	@Test
	void externalAddressesAreLocatedPrivateOnesAreNotAndANewCountryRaisesASignal() {
		try (WebTestApplication application = WebTestApplication.start("server.tomcat.threads.max=1",
				"structured-logging.file.directory=" + this.logs, "server.forward-headers-strategy=native",
				"structured-logging.audit.geoip.database=" + databases.resolve("GeoLite2-City.mmdb"),
				"structured-logging.audit.geoip.asn-database=" + databases.resolve("GeoLite2-ASN.mmdb"))) {
			HttpCalls http = new HttpCalls(application.port());
			http.get("/secure/profile", "Authorization", HttpCalls.basic("alice", "alice-pass"), "X-Forwarded-For",
					"8.8.8.8", "X-Correlation-ID", "from-us");
			http.get("/secure/profile", "Authorization", HttpCalls.basic("alice", "wrong-pass"), "X-Forwarded-For",
					"193.0.6.139", "X-Correlation-ID", "from-elsewhere");
			http.get("/secure/profile", "Authorization", HttpCalls.basic("alice", "wrong-pass"), "X-Correlation-ID",
					"from-loopback");
		}
		List<JsonNode> records = JsonLines.read(this.logs.resolve("audit.json")).all();
		JsonNode fromUs = only(records, "from-us", "AUTHENTICATION_SUCCESS");
		assertThat(fromUs.path("client_ip").asString()).isEqualTo("8.8.8.8");
		assertThat(fromUs.path("client_country").asString()).isEqualTo("US");
		assertThat(fromUs.path("client_asn").asLong()).isEqualTo(15169);
		assertThat(fromUs.path("client_as_organization").asString()).containsIgnoringCase("google");
		JsonNode elsewhere = only(records, "from-elsewhere", "AUTHENTICATION_FAILURE");
		String country = elsewhere.path("client_country").asString();
		assertThat(country).isNotBlank().isNotEqualTo("US");
		JsonNode signal = only(records, "from-elsewhere", "SECURITY_ALERT");
		assertThat(signal.path("audit_action").asString()).isEqualTo("failure_from_new_country");
		assertThat(signal.path("audit_details").path("country").asString()).isEqualTo(country);
		assertThat(signal.path("audit_details").path("previous_countries").get(0).asString()).isEqualTo("US");
		JsonNode loopback = only(records, "from-loopback", "AUTHENTICATION_FAILURE");
		assertThat(loopback.has("client_country")).isFalse();
		assertThat(loopback.has("client_asn")).isFalse();
		assertThat(new AuditVerifier(null).verify(AuditFiles.inOrder(this.logs)).breaks()).isEmpty();
	}

	@Test
	void aDatabaseThatIsNotOneFailsStartUpNamingTheProperty() throws IOException {
		Path notADatabase = Files.writeString(this.logs.resolve("cities.mmdb"), "not a database");
		assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> WebTestApplication
			.start("structured-logging.audit.geoip.database=" + notADatabase)))
			.hasStackTraceContaining("structured-logging.audit.geoip.database");
		assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> WebTestApplication
			.start("structured-logging.audit.geoip.database=" + this.logs.resolve("missing.mmdb"))))
			.hasStackTraceContaining("geoip.database")
			.hasStackTraceContaining("not a readable file");
		assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> WebTestApplication
			.start("structured-logging.audit.geoip.database=" + databases.resolve("GeoLite2-ASN.mmdb"))))
			.hasStackTraceContaining("structured-logging.audit.geoip.database")
			.hasStackTraceContaining("not a Country database");
	}

}
