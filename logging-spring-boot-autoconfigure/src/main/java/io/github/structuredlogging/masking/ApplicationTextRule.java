package io.github.structuredlogging.masking;

import java.util.Objects;

import io.github.structuredlogging.api.MaskingRule;

/**
 * A {@link MaskingRule} bean of the application's, run on every text.
 */
final class ApplicationTextRule implements TextRule {

	private final MaskingRule rule;

	ApplicationTextRule(MaskingRule rule) {
		this.rule = rule;
	}

	@Override
	public String name() {
		return this.rule.getClass().getName();
	}

	@Override
	public int triggers() {
		return Triggers.ALWAYS;
	}

	@Override
	public String apply(String text) {
		// Counted as a failure by the engine, which keeps the text it had.
		return Objects.requireNonNull(this.rule.apply(text), "A masking rule returned null");
	}

}
