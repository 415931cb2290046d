package io.github.structuredlogging.masking;

import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A rule made of a pattern and a function that gives each match its replacement
 * ({@code null} to leave the match as it is).
 */
class PatternRule implements TextRule {

	private final String name;

	private final int triggers;

	private final Pattern pattern;

	private final Function<Matcher, @Nullable String> replacement;

	PatternRule(String name, int triggers, Pattern pattern, Function<Matcher, @Nullable String> replacement) {
		this.name = name;
		this.triggers = triggers;
		this.pattern = pattern;
		this.replacement = replacement;
	}

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public int triggers() {
		return this.triggers;
	}

	@Override
	public String apply(String text) {
		Matcher matcher = this.pattern.matcher(text);
		@Nullable StringBuilder result = null;
		int last = 0;
		while (matcher.find()) {
			String masked = this.replacement.apply(matcher);
			if (masked != null) {
				if (result == null) {
					result = new StringBuilder(text.length());
				}
				result.append(text, last, matcher.start()).append(masked);
				last = matcher.end();
			}
		}
		if (result == null) {
			return text;
		}
		return result.append(text, last, text.length()).toString();
	}

}
