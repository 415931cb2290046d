package io.github.structuredlogging.masking;

import java.util.Objects;
import java.util.regex.Pattern;

import io.github.structuredlogging.api.MaskingRule;

/**
 * A rule of the application's own, run on every text: a {@link MaskingRule} bean, or a
 * regular expression and its replacement from the properties.
 */
final class ApplicationRule implements TextRule {

	private final String name;

	private final MaskingRule rule;

	ApplicationRule(String name, MaskingRule rule) {
		this.name = name;
		this.rule = rule;
	}

	/**
	 * Return the rule for a regular expression of the properties.
	 * @param custom the name, pattern and replacement
	 * @return the rule
	 */
	static ApplicationRule of(MaskingSettings.CustomRule custom) {
		Pattern pattern = Pattern.compile(custom.pattern());
		// replaceAll returns the same instance when nothing matches, as a rule must.
		return new ApplicationRule(custom.name(), (text) -> pattern.matcher(text).replaceAll(custom.replacement()));
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
