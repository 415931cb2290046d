package io.github.structuredlogging.correlation;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import io.github.structuredlogging.api.CorrelationId;
import io.github.structuredlogging.api.CorrelationIdGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the {@link CorrelationId} API used outside HTTP requests.
 */
class CorrelationIdApiTests {

	@Test
	void scopeRestoresThePreviousIdWhenClosed() {
		assertThat(CorrelationId.current()).isNull();
		try (CorrelationId.Scope outer = CorrelationId.open("batch-7")) {
			assertThat(CorrelationId.current()).isEqualTo("batch-7");
			try (CorrelationId.Scope inner = CorrelationId.openNew()) {
				assertThat(CorrelationId.current()).isEqualTo(inner.id()).isNotEqualTo("batch-7");
			}
			assertThat(CorrelationId.current()).isEqualTo("batch-7");
		}
		assertThat(CorrelationId.current()).isNull();
	}

	@Test
	void invalidIdOpensANewOne() {
		try (CorrelationId.Scope scope = CorrelationId.open("bad id\r\n")) {
			assertThat(scope.id()).hasSize(36);
		}
	}

	@Test
	void validityFollowsTheDocumentedAlphabetAndLength() {
		assertThat(CorrelationId.isValid("A-z_0.9:x")).isTrue();
		assertThat(CorrelationId.isValid("a".repeat(128))).isTrue();
		assertThat(CorrelationId.isValid("a".repeat(129))).isFalse();
		assertThat(CorrelationId.isValid("")).isFalse();
		assertThat(CorrelationId.isValid("quote\"")).isFalse();
		assertThat(CorrelationId.isValid("tab\t")).isFalse();
		assertThat(CorrelationId.isValid("é")).isFalse();
	}

	@Test
	void defaultGeneratorMakesDistinctVersion4Uuids() {
		CorrelationIdGenerator generator = CorrelationIdGenerator.randomUuids();
		Set<String> ids = new HashSet<>();
		for (int i = 0; i < 10_000; i++) {
			String id = generator.generate();
			UUID uuid = UUID.fromString(id);
			assertThat(uuid.version()).isEqualTo(4);
			assertThat(uuid.variant()).isEqualTo(2);
			assertThat(CorrelationId.isValid(id)).isTrue();
			ids.add(id);
		}
		assertThat(ids).hasSize(10_000);
	}

}
