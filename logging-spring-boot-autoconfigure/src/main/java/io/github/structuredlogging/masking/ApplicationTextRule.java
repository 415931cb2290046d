package io.github.structuredlogging.masking;

import java.util.Objects;

import io.github.structuredlogging.api.MaskingRule;

/**
 * A {@link MaskingRule} bean of the application's, run on every text.
 */
final class ApplicationTextRule implements TextRule {

	private final String name;

	private final MaskingRule rule;

	ApplicationTextRule(String name, MaskingRule rule) {
		this.name = name;
		this.rule = rule;
	}

	@Override
	public String name() {
		return this.name;
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
