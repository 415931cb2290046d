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
	public int triggers() {
		return Triggers.SEPARATOR;
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
			String quote = quoteAt(text, valueStart);
			int contentStart = valueStart + quote.length();
			int contentEnd = quote.isEmpty() ? bareValueEnd(text, contentStart) : text.indexOf(quote, contentStart);
			if (contentEnd < 0) {
				contentEnd = text.length();
			}
			if (contentEnd == contentStart || text.startsWith(this.mask, contentStart)) {
				// Nothing to mask, or masked already: masking twice changes nothing.
				continue;
			}
			if (result == null) {
				result = new StringBuilder(text.length());
			}
			result.append(text, copied, contentStart).append(this.mask);
			copied = contentEnd;
			i = contentEnd - 1;
		}
		return (result != null) ? result.append(text, copied, text.length()).toString() : text;
	}

	// Step back over the quotes, escapes and spaces between a key and its separator.
	private static int skipBack(String text, int separator) {
		int end = separator;
		while (end > 0 && (text.charAt(end - 1) == ' ' || text.charAt(end - 1) == '\\' || isQuote(text.charAt(end - 1)))) {
			end--;
		}
		return end;
	}

	// A value may be quoted, also with escaped quotes as in JSON written inside a string.
	private static String quoteAt(String text, int start) {
		if (start < text.length() && isQuote(text.charAt(start))) {
			return String.valueOf(text.charAt(start));
		}
		if (start + 1 < text.length() && text.charAt(start) == '\\' && isQuote(text.charAt(start + 1))) {
			return text.substring(start, start + 2);
		}
		return "";
	}

	private static int bareValueEnd(String text, int start) {
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
				|| c == '"' || c == '\'' || c == '\\';
	}

}
