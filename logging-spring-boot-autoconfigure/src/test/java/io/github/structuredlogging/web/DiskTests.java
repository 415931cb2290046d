package io.github.structuredlogging.web;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.github.structuredlogging.disk.DiskUsage;
import io.github.structuredlogging.testing.LogApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A running application whose log volume reads 90% full.
 */
class DiskTests {

	@TempDir
	Path logs;

	@Test
	void aFullLogVolumeTurnsHealthDownRaisesBothDiskAlertsAndMakesRoom() throws Exception {
		Path rolled = Files.write(this.logs.resolve("error.2026-11-02.0.json.gz"), new byte[1024]);
		try (WebTestApplication application = WebTestApplication.start(FullVolume.class,
				"structured-logging.file.directory=" + this.logs, "structured-logging.alerts.check-interval=100ms",
				"structured-logging.disk.check-interval=100ms")) {
			LogApi api = new LogApi(application.port(), "ops", "ops-pass");
			long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
			while ((Files.exists(rolled) || !api.json("/alerts").path("active").findValuesAsString("rule")
				.contains("disk-critical")) && System.nanoTime() < deadline) {
				Thread.sleep(50);
			}
			assertThat(rolled).doesNotExist();
			assertThat(api.json("/alerts").path("active").findValuesAsString("rule")).contains("disk-warning",
					"disk-critical");
			HttpResponse<String> health = api.get("/health");
			assertThat(health.statusCode()).isEqualTo(503);
			JsonNode disk = LogApi.parse(health.body()).path("checks").path("disk");
			assertThat(disk.path("status").asString()).isEqualTo("DOWN");
			assertThat(disk.path("details").path("used_percent").asDouble()).isEqualTo(90.0);
		}
	}

	@Configuration(proxyBeanMethods = false)
	@Import(WebTestApplication.Config.class)
	static class FullVolume {

		@Bean
		DiskUsage diskUsage() {
			return (directory) -> new DiskUsage.Usage(1_000_000, 100_000);
		}

	}

}
