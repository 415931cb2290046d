package io.github.structuredlogging.http;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ExcludedPaths}.
 */
class ExcludedPathsTests {

	private final ExcludedPaths paths = new ExcludedPaths(
			List.of("/actuator/**", "/favicon.ico", "/**/health", "/static/*.css", "/users/{id}/avatar"));

	@Test
	void matchesAntStylePatterns() {
		assertThat(this.paths.matches("/actuator/health/liveness")).isTrue();
		assertThat(this.paths.matches("/favicon.ico")).isTrue();
		assertThat(this.paths.matches("/internal/health")).isTrue();
		assertThat(this.paths.matches("/static/site.css")).isTrue();
		assertThat(this.paths.matches("/users/42/avatar")).isTrue();
	}

	@Test
	void leavesOtherPathsAlone() {
		assertThat(this.paths.matches("/api/orders/42")).isFalse();
		assertThat(this.paths.matches("/actuators")).isFalse();
		assertThat(this.paths.matches("/static/site.js")).isFalse();
		assertThat(this.paths.matches("/favicon.ico.bak")).isFalse();
	}

}
