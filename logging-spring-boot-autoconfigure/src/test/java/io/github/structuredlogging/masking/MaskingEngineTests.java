package io.github.structuredlogging.masking;

import java.util.List;
import java.util.Set;

import io.github.structuredlogging.testing.MaskingCorpus;
import io.github.structuredlogging.testing.MaskingCorpus.Sensitive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MaskingEngine} on the corpora, and on the settings that change it.
 */
class MaskingEngineTests {

	private final MaskingEngine masker = new MaskingEngine(MaskingSettings.defaults());

	static List<Sensitive> sensitiveValues() {
		return MaskingCorpus.sensitiveValues();
	}

	static List<String> lookAlikes() {
		return MaskingCorpus.lookAlikes();
	}

	@Test
	void corporaAreLargeEnough() {
		assertThat(sensitiveValues()).hasSizeGreaterThanOrEqualTo(40);
		assertThat(lookAlikes()).hasSizeGreaterThanOrEqualTo(20);
	}

	@ParameterizedTest
	@MethodSource("sensitiveValues")
	void sensitiveValueIsMasked(Sensitive sensitive) {
		assertThat(this.masker.mask(sensitive.value())).isEqualTo(sensitive.masked());
	}

	@ParameterizedTest
	@MethodSource("sensitiveValues")
	void sensitiveValueInASentenceIsMaskedAndTheRestKept(Sensitive sensitive) {
		String masked = this.masker.mask("Checkout for order 42 used " + sensitive.value() + " at 10:30");
		assertThat(masked).isEqualTo("Checkout for order 42 used " + sensitive.masked() + " at 10:30");
	}

	@ParameterizedTest
	@MethodSource("lookAlikes")
	void lookAlikeIsLeftAlone(String value) {
		assertThat(this.masker.mask(value)).isSameAs(value);
	}

	@Test
	void cleanTextComesBackAsTheSameInstance() {
		String clean = "Order 42 placed by customer c-17 in 12.5 ms";
		assertThat(this.masker.mask(clean)).isSameAs(clean);
	}

	@Test
	void sensitiveKeysInsideEscapedJsonAreMasked() {
		assertThat(this.masker.mask("{\\\"password\\\":\\\"hunter2\\\",\\\"item\\\":\\\"book\\\"}"))
			.isEqualTo("{\\\"password\\\":\\\"[REDACTED]\\\",\\\"item\\\":\\\"book\\\"}");
		assertThat(this.masker.mask("{\"token\": \"abc\", \"n\": 1}")).isEqualTo("{\"token\": \"[REDACTED]\", \"n\": 1}");
		assertThat(this.masker.mask("password=\"unterminated")).isEqualTo("password=\"[REDACTED]");
	}

	@Test
	void keysMatchWithoutCaseAndAfterASeparator() {
		assertThat(this.masker.isSensitiveKey("Password")).isTrue();
		assertThat(this.masker.isSensitiveKey("X-API-KEY")).isTrue();
		assertThat(this.masker.isSensitiveKey("db.password")).isTrue();
		assertThat(this.masker.isSensitiveKey("stripe_api_key")).isTrue();
		assertThat(this.masker.isSensitiveKey("token_count")).isFalse();
		assertThat(this.masker.isSensitiveKey("order_id")).isFalse();
	}

	@Test
	void addedKeyIsMasked() {
		MaskingEngine withPin = new MaskingEngine(settings(Set.of("pin"), true, EmailMasking.PARTIAL, List.of()));
		assertThat(withPin.isSensitiveKey("pin")).isTrue();
		assertThat(withPin.mask("pin=1234")).isEqualTo("pin=[REDACTED]");
		assertThat(this.masker.mask("pin=1234")).isEqualTo("pin=1234");
	}

	@Test
	void removedDefaultKeyIsNoLongerMasked() {
		MaskingEngine withoutSsn = new MaskingEngine(settings(Set.of(), true, EmailMasking.PARTIAL, List.of(), "ssn"));
		assertThat(withoutSsn.isSensitiveKey("ssn")).isFalse();
		assertThat(this.masker.isSensitiveKey("ssn")).isTrue();
	}

	@Test
	void customRuleReplacesItsMatches() {
		MaskingEngine withRule = new MaskingEngine(settings(Set.of(), true, EmailMasking.PARTIAL,
				List.of(new MaskingSettings.CustomRule("employee-id", "EMP-(\\d{2})\\d{4}", "EMP-$1****"))));
		assertThat(withRule.mask("Approved by EMP-123456")).isEqualTo("Approved by EMP-12****");
		assertThat(withRule.ruleNames()).endsWith("employee-id");
	}

	@Test
	void detectorsCanBeTurnedOff() {
		MaskingEngine noCards = new MaskingEngine(settings(Set.of(), false, EmailMasking.OFF, List.of()));
		assertThat(noCards.mask("4111111111111111")).isEqualTo("4111111111111111");
		assertThat(noCards.mask("john.doe@example.com")).isEqualTo("john.doe@example.com");
		assertThat(noCards.ruleNames()).doesNotContain("card-number", "email");
	}

	@Test
	void emailsCanBeFullyMasked() {
		MaskingEngine full = new MaskingEngine(settings(Set.of(), true, EmailMasking.FULL, List.of()));
		assertThat(full.mask("mail john.doe@example.com")).isEqualTo("mail [REDACTED]");
	}

	@Test
	void phonesAreMaskedOnlyWhenSwitchedOn() {
		MaskingSettings defaults = MaskingSettings.defaults();
		MaskingEngine phones = new MaskingEngine(new MaskingSettings(defaults.keys(), defaults.replacement(), true, true, true, true,
				true, EmailMasking.PARTIAL, true, true, true, List.of()));
		assertThat(phones.mask("call +1 555 123 4567")).isEqualTo("call [REDACTED]");
		assertThat(this.masker.mask("call +1 555 123 4567")).isEqualTo("call +1 555 123 4567");
	}

	@Test
	void failingRuleIsSkippedAndCounted() {
		// Catastrophic backtracking on a long input overflows the stack in the regex engine.
		MaskingEngine fragile = new MaskingEngine(settings(Set.of(), true, EmailMasking.PARTIAL,
				List.of(new MaskingSettings.CustomRule("fragile", "(a|aa)+b", "x"))));
		String text = "a".repeat(20000) + " password=hunter2";
		assertThat(fragile.mask(text)).endsWith("password=[REDACTED]");
		assertThat(fragile.failures()).isEqualTo(1);
	}

	private static MaskingSettings settings(Set<String> extraKeys, boolean cards, EmailMasking emails,
			List<MaskingSettings.CustomRule> rules, String... removed) {
		Set<String> keys = new java.util.HashSet<>(MaskingSettings.DEFAULT_KEYS);
		keys.addAll(extraKeys);
		List.of(removed).forEach(keys::remove);
		return new MaskingSettings(keys, "[REDACTED]", cards, true, true, true, true, emails, true, true, false,
				rules);
	}

}
