package io.github.structuredlogging.masking;

import java.util.List;

import io.github.structuredlogging.testing.GeneratedSecrets;
import io.github.structuredlogging.testing.GeneratedSecrets.Secret;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A text skips a rule only when the rule has nothing to mask in it: in generated texts of
 * secrets, look-alikes and the characters that start, end or split a trigger, glued
 * together, every rule that would change the text finds one of its triggers in the scan.
 */
class TriggersProperties {

	private static final MaskingSettings SETTINGS = MaskingSettings.defaults();

	private static final List<TextRule> RULES = TextRules.of(SETTINGS, new SensitiveKeys(SETTINGS.keys()));

	@Property(tries = 20_000)
	void noRuleThatWouldMaskTheTextIsSkipped(@ForAll("texts") String text) {
		int found = Triggers.scan(text);
		for (TextRule rule : RULES) {
			if ((rule.triggers() & found) == 0) {
				assertThat(rule.apply(text)).as("%s skipped on %s", rule.name(), text).isEqualTo(text);
			}
		}
	}

	@Provide
	Arbitrary<String> texts() {
		Arbitrary<String> characters = Arbitraries.strings()
			.withChars("0123456789 -=:@%<>/.eyJbBeEaArsSkKpPgGhHiIoOxXDd_\u00e9\u20ac")
			.ofMaxLength(12);
		Arbitrary<String> pieces = Arbitraries.oneOf(GeneratedSecrets.secrets().map(Secret::text),
				GeneratedSecrets.lookAlikes(), characters, characters);
		return pieces.list().ofMaxSize(5).map((parts) -> String.join("", parts));
	}

}
