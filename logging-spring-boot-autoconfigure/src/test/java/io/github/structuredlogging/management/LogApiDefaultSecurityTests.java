package io.github.structuredlogging.management;

import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ch.qos.logback.classic.LoggerContext;
import io.github.structuredlogging.testing.HttpCalls;
import io.github.structuredlogging.testing.LogApi;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The log API under Spring Boot's default security, with CSRF protection on: only users
 * with the authority get in, and {@code POST /test} works with HTTP Basic.
 */
class LogApiDefaultSecurityTests {

	@Test
	void bootsDefaultSecurityAuthenticatesAndTheStarterAuthorizes() {
		try (ConfigurableApplicationContext context = start("spring.security.user.name=ops",
				"spring.security.user.password=ops-pass", "spring.security.user.roles=LOG_ADMIN")) {
			HttpCalls http = new HttpCalls(port(context));
			String ops = HttpCalls.basic("ops", "ops-pass");
			assertThat(http.get(LogApi.BASE + "/health").statusCode()).isEqualTo(401);
			assertThat(http.get(LogApi.BASE + "/health", "Authorization", ops).statusCode()).isEqualTo(200);
			HttpResponse<String> test = http.post(LogApi.BASE + "/test", "application/json", "", "Authorization", ops);
			assertThat(test.statusCode()).isEqualTo(200);
			assertThat(LogApi.parse(test.body()).path("correlation_id").asString()).isNotBlank();
			// The exemption is for the test endpoint only: CSRF protection refuses other POSTs
			// without a token (before Basic authentication runs, hence 401).
			assertThat(http.post(LogApi.BASE + "/recent", "application/json", "", "Authorization", ops).statusCode())
				.isEqualTo(401);
		}
		finally {
			((LoggerContext) LoggerFactory.getILoggerFactory()).stop();
		}
	}

	@Test
	void aBrowserSessionKeepsCsrfProtectionOnTheTestEndpoint() {
		try (ConfigurableApplicationContext context = start("spring.security.user.name=ops",
				"spring.security.user.password=ops-pass", "spring.security.user.roles=LOG_ADMIN")) {
			HttpCalls browser = HttpCalls.withCookies(port(context));
			Matcher token = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"")
				.matcher(browser.get("/login").body());
			assertThat(token.find()).isTrue();
			browser.post("/login", "application/x-www-form-urlencoded",
					"username=ops&password=ops-pass&_csrf=" + token.group(1));
			assertThat(browser.get(LogApi.BASE + "/health").statusCode()).as("signed in").isEqualTo(200);
			// A cross-site form riding the session sends the cookie, never the token.
			assertThat(browser.post(LogApi.BASE + "/test", "application/json", "").statusCode()).isEqualTo(403);
		}
		finally {
			((LoggerContext) LoggerFactory.getILoggerFactory()).stop();
		}
	}

	@Test
	void aUserWithoutTheAuthorityIsForbidden() {
		try (ConfigurableApplicationContext context = start("spring.security.user.name=dev",
				"spring.security.user.password=dev-pass", "spring.security.user.roles=USER")) {
			HttpResponse<String> response = new HttpCalls(port(context)).get(LogApi.BASE + "/recent",
					"Authorization", HttpCalls.basic("dev", "dev-pass"));
			assertThat(response.statusCode()).isEqualTo(403);
			assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		}
		finally {
			((LoggerContext) LoggerFactory.getILoggerFactory()).stop();
		}
	}

	private static ConfigurableApplicationContext start(String... properties) {
		return new SpringApplicationBuilder(DefaultSecurity.class).web(WebApplicationType.SERVLET)
			.properties("server.port=0", "server.address=127.0.0.1", "spring.main.register-shutdown-hook=false",
					"spring.autoconfigure.exclude=org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
			.properties(properties)
			.run();
	}

	private static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class DefaultSecurity {

	}

}
