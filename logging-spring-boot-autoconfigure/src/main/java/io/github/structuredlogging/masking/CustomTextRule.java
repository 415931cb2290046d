package io.github.structuredlogging.masking;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rule of the application's own: a regular expression and its replacement.
 */
final class CustomTextRule implements TextRule {

	private final String name;

	private final Pattern pattern;

	private final String replacement;

	CustomTextRule(MaskingSettings.CustomRule rule) {
		this.name = rule.name();
		this.pattern = Pattern.compile(rule.pattern());
		this.replacement = rule.replacement();
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
		Matcher matcher = this.pattern.matcher(text);
		return matcher.find() ? matcher.replaceAll(this.replacement) : text;
	}

}
