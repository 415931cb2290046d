package io.github.structuredlogging.masking;

import io.github.structuredlogging.testing.GeneratedSecrets.Secret;
import io.github.structuredlogging.testing.GeneratedSecrets;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Secrets of every kind the masking knows, generated, in every place a logging call can
 * carry them, through every encoder: none may survive. Look-alikes, generated too, must
 * come through unchanged.
 */
class GeneratedSecretsProperties {

	private static final EncodedEvents EVENTS = new EncodedEvents();

	private static final MaskingEngine MASKER = new MaskingEngine(MaskingSettings.defaults());

	@Property(tries = 10_000)
	void noGeneratedSecretSurvivesInAnyCarrierOrOutput(@ForAll("secrets") Secret secret) {
		for (String line : EVENTS.everyCarrierOf(secret.text())) {
			for (String core : secret.cores()) {
				assertThat(line).as("%s in %s", secret, line).doesNotContain(core);
			}
		}
	}

	@Property(tries = 3_000)
	void generatedLookAlikesComeThroughUnchanged(@ForAll("lookAlikes") String value) {
		assertThat(MASKER.mask(value)).isEqualTo(value);
		assertThat(MASKER.mask("Order 42: " + value + " at 10:30")).isEqualTo("Order 42: " + value + " at 10:30");
	}

	@Provide
	Arbitrary<Secret> secrets() {
		return GeneratedSecrets.secrets();
	}

	@Provide
	Arbitrary<String> lookAlikes() {
		return GeneratedSecrets.lookAlikes();
	}

}
