package io.github.structuredlogging.masking;

import org.jspecify.annotations.Nullable;

/**
 * Masks the values of sensitive keys written in free text: {@code password=hunter2},
 * {@code token: abc}, {@code "client_secret":"xyz"}, a query string or a form body.
 */
final class KeyValueTextRule implements TextRule {

	private final SensitiveKeys keys;

	private final String mask;

	KeyValueTextRule(SensitiveKeys keys, String mask) {
		this.keys = keys;
		this.mask = mask;
	}

	@Override
	public String name() {
		return "key-value";
	}

	@Override
	public boolean mightApply(String text) {
		return text.indexOf('=') >= 0 || text.indexOf(':') >= 0;
	}

	@Override
	public String apply(String text) {
		@Nullable StringBuilder result = null;
		int copied = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c != '=' && c != ':') {
				continue;
			}
			int keyEnd = skipBack(text, i);
			int keyStart = keyEnd;
			while (keyStart > 0 && isKeyChar(text.charAt(keyStart - 1))) {
				keyStart--;
			}
			if (keyStart == keyEnd || !this.keys.isSensitive(text.substring(keyStart, keyEnd))) {
				continue;
			}
			int valueStart = i + 1;
			while (valueStart < text.length() && text.charAt(valueStart) == ' ') {
				valueStart++;
			}
			int valueEnd = valueEnd(text, valueStart);
			if (valueEnd == valueStart) {
				continue;
			}
			if (result == null) {
				result = new StringBuilder(text.length());
			}
			char first = text.charAt(valueStart);
			boolean quoted = isQuote(first) && valueEnd - 1 > valueStart && text.charAt(valueEnd - 1) == first;
			result.append(text, copied, isQuote(first) ? valueStart + 1 : valueStart).append(this.mask);
			copied = quoted ? valueEnd - 1 : valueEnd;
			i = valueEnd - 1;
		}
		return (result != null) ? result.append(text, copied, text.length()).toString() : text;
	}

	// Step back over the quote and spaces between a key and its separator.
	private static int skipBack(String text, int separator) {
		int end = separator;
		while (end > 0 && (text.charAt(end - 1) == ' ' || isQuote(text.charAt(end - 1)))) {
			end--;
		}
		return end;
	}

	// A quoted value runs to its closing quote (kept); a bare one to a delimiter.
	private static int valueEnd(String text, int start) {
		if (start >= text.length()) {
			return start;
		}
		char first = text.charAt(start);
		if (isQuote(first)) {
			for (int i = start + 1; i < text.length(); i++) {
				char c = text.charAt(i);
				if (c == '\\') {
					i++;
				}
				else if (c == first) {
					return i + 1;
				}
			}
			return text.length();
		}
		int end = start;
		while (end < text.length() && !isDelimiter(text.charAt(end))) {
			end++;
		}
		return end;
	}

	private static boolean isKeyChar(char c) {
		return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.';
	}

	private static boolean isQuote(char c) {
		return c == '"' || c == '\'';
	}

	private static boolean isDelimiter(char c) {
		return Character.isWhitespace(c) || c == '&' || c == ',' || c == ';' || c == '}' || c == ']' || c == ')'
				|| c == '"' || c == '\'';
	}

}
