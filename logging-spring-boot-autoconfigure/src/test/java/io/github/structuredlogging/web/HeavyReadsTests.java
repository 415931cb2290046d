package io.github.structuredlogging.web;

import java.net.http.HttpResponse;
import java.nio.file.Path;

import io.github.structuredlogging.management.web.HeavyReads;
import io.github.structuredlogging.testing.LogApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads of the log API that scan the audit files or the whole store are refused with 429
 * once as many as allowed are running; here, none are.
 */
class HeavyReadsTests {

	@TempDir
	Path logs;

	@Test
	void heavyReadsBeyondTheBoundAreRefusedWithRetryAfterAndLightOnesAreServed() {
		try (WebTestApplication application = WebTestApplication.start(NoHeavyReads.class,
				"structured-logging.file.directory=" + this.logs)) {
			LogApi api = new LogApi(application.port(), "ops", "ops-pass");
			for (String heavy : new String[] { "/audit", "/audit/verify", "/recent?q=payment" }) {
				HttpResponse<String> refused = api.get(heavy);
				assertThat(refused.statusCode()).as(heavy).isEqualTo(429);
				assertThat(refused.headers().firstValue("Retry-After")).as(heavy).hasValue("1");
				assertThat(LogApi.parse(refused.body()).path("status").asInt()).isEqualTo(429);
			}
			assertThat(api.get("/recent?limit=5").statusCode()).isEqualTo(200);
			assertThat(api.get("/health").statusCode()).isEqualTo(200);
		}
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@Import(WebTestApplication.Config.class)
	static class NoHeavyReads {

		@Bean
		HeavyReads heavyReads() {
			return new HeavyReads(0);
		}

	}

}
