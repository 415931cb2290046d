package io.github.structuredlogging.web;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import io.github.structuredlogging.testing.ConsoleOutput;
import io.github.structuredlogging.testing.HttpCalls;
import io.github.structuredlogging.testing.JsonLines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bearer-token rejections of an OAuth2 resource server in the audit stream: invalid,
 * expired, insufficient scope.
 */
@ExtendWith(OutputCaptureExtension.class)
class ResourceServerAuditTests {

	private static final SecretKey KEY = new SecretKeySpec(
			"a-secret-of-at-least-thirty-two-bytes-for-hs256".getBytes(StandardCharsets.UTF_8), "HmacSHA256");

	@TempDir
	Path logs;

	@Test
	void bearerTokenRejectionsAndAcceptanceAreRecorded(CapturedOutput output) {
		String valid = token("reader", Instant.now().plusSeconds(300), "orders:read");
		String expired = token("reader", Instant.now().minusSeconds(300), "orders:read");
		try (WebTestApplication application = WebTestApplication.start(Config.class,
				"structured-logging.file.directory=" + this.logs)) {
			HttpCalls http = new HttpCalls(application.port());
			assertThat(http.get("/orders", "Authorization", "Bearer not-a-jwt", "X-Correlation-ID", "invalid-token")
				.statusCode()).isEqualTo(401);
			assertThat(http.get("/orders", "Authorization", "Bearer " + expired, "X-Correlation-ID", "expired-token")
				.statusCode()).isEqualTo(401);
			assertThat(http.get("/orders/write", "Authorization", "Bearer " + valid, "X-Correlation-ID", "no-scope")
				.statusCode()).isEqualTo(403);
			assertThat(http.get("/orders", "Authorization", "Bearer " + valid, "X-Correlation-ID", "good-token")
				.statusCode()).isEqualTo(200);
		}
		List<JsonNode> records = JsonLines.read(this.logs.resolve("audit.json")).all();
		JsonNode invalid = only(records, "invalid-token");
		assertThat(invalid.path("audit_event").asString()).isEqualTo("AUTHENTICATION_FAILURE");
		assertThat(invalid.path("audit_details").path("failure_type").asString()).isEqualTo("InvalidBearerTokenException");
		// The name of a rejected bearer token is the token itself.
		assertThat(invalid.path("audit_principal").asString()).startsWith("token-sha256:");
		assertThat(this.logs.resolve("audit.json")).content().doesNotContain("not-a-jwt");
		JsonNode expiredRecord = only(records, "expired-token");
		assertThat(expiredRecord.path("audit_event").asString()).isEqualTo("AUTHENTICATION_FAILURE");
		assertThat(expiredRecord.path("audit_reason").asString()).containsIgnoringCase("expired");
		assertThat(records).filteredOn((record) -> "no-scope".equals(record.path("correlation_id").asString()))
			.anySatisfy((record) -> {
				assertThat(record.path("audit_event").asString()).isEqualTo("AUTHORIZATION_DENIED");
				assertThat(record.path("audit_principal").asString()).isEqualTo("reader");
			});
		assertThat(records).filteredOn((record) -> "good-token".equals(record.path("correlation_id").asString()))
			.anySatisfy((record) -> assertThat(record.path("audit_event").asString())
				.isEqualTo("AUTHENTICATION_SUCCESS"));
		assertThat(ConsoleOutput.written(output)).doesNotContain(valid).doesNotContain(expired);
	}

	private static JsonNode only(List<JsonNode> records, String correlationId) {
		List<JsonNode> matching = records.stream()
			.filter((record) -> correlationId.equals(record.path("correlation_id").asString()))
			.toList();
		assertThat(matching).as("records of %s", correlationId).hasSize(1);
		return matching.get(0);
	}

	private static String token(String subject, Instant expiresAt, String scope) {
		NimbusJwtEncoder encoder = new NimbusJwtEncoder(new ImmutableSecret<>(KEY));
		JwtClaimsSet claims = JwtClaimsSet.builder()
			.subject(subject)
			.issuedAt(expiresAt.minusSeconds(600))
			.expiresAt(expiresAt)
			.claim("scope", scope)
			.build();
		return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
			.getTokenValue();
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class Config {

		@Bean
		JwtDecoder jwtDecoder() {
			return NimbusJwtDecoder.withSecretKey(KEY).macAlgorithm(MacAlgorithm.HS256).build();
		}

		@Bean
		SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
			http.authorizeHttpRequests((requests) -> requests.requestMatchers("/orders/write")
				.hasAuthority("SCOPE_orders:write")
				.anyRequest()
				.authenticated());
			http.oauth2ResourceServer((server) -> server.jwt((jwt) -> {
			}));
			return http.build();
		}

		@Bean
		OrdersController ordersController() {
			return new OrdersController();
		}

	}

	@RestController
	static class OrdersController {

		@GetMapping("/orders")
		String orders() {
			return "[]";
		}

		@GetMapping("/orders/write")
		String write() {
			return "written";
		}

	}

}
