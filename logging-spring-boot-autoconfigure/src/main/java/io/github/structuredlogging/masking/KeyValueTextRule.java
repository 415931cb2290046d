package io.github.structuredlogging.masking;

import org.jspecify.annotations.Nullable;

/**
 * Masks the values of sensitive keys written in free text: {@code password=hunter2},
 * {@code token: abc}, {@code "client_secret":"xyz"} (escaped quotes, arrays and objects
 * included), a query string or a form body (URL-encoded too), a {@code Cookie:} header
 * (every cookie in it), and keys written with JSON's unicode escapes.
 */
final class KeyValueTextRule implements TextRule {

	private static final String ENCODED_EQUALS = "%3D";

	private static final String ENCODED_AMPERSAND = "%26";

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
			int separatorLength = separatorAt(text, i);
			if (separatorLength == 0) {
				continue;
			}
			int keyEnd = skipBack(text, i);
			int keyStart = keyEnd;
			while (keyStart > 0 && isKeyChar(text, keyStart - 1)) {
				keyStart--;
			}
			// In URL-encoded text a key follows an escape: %3Fpassword%3D.
			if (keyStart > 0 && text.charAt(keyStart - 1) == '%' && keyEnd - keyStart > 2
					&& isHex(text, keyStart, keyStart + 2)) {
				keyStart += 2;
			}
			if (keyStart == keyEnd) {
				continue;
			}
			String key = unescape(text.substring(keyStart, keyEnd));
			if (!this.keys.isSensitive(key)) {
				continue;
			}
			int valueStart = i + separatorLength;
			while (valueStart < text.length() && text.charAt(valueStart) == ' ') {
				valueStart++;
			}
			boolean escaped = keyEnd < i && text.charAt(keyEnd) == '\\';
			int[] content = valueAt(text, valueStart, separatorLength > 1, isCookieHeader(key), escaped);
			int contentStart = content[0];
			int contentEnd = content[1];
			if (contentEnd == contentStart || text.startsWith(this.mask, contentStart)) {
				// Nothing to mask, or masked already: masking twice changes nothing.
				continue;
			}
			if (result == null) {
				result = new StringBuilder(text.length());
			}
			result.append(text, copied, contentStart).append(this.mask);
			copied = contentEnd;
			i = Math.max(i, contentEnd - 1);
		}
		return (result != null) ? result.append(text, copied, text.length()).toString() : text;
	}

	// '=', ':' or a URL-encoded '='.
	private static int separatorAt(String text, int i) {
		char c = text.charAt(i);
		if (c == '=' || c == ':') {
			return 1;
		}
		return (c == '%' && text.regionMatches(true, i, ENCODED_EQUALS, 0, 3)) ? 3 : 0;
	}

	// Where the value's content starts and ends: a quoted string up to its closing quote
	// (escaped quotes skipped), an array or object up to its closing bracket, a cookie
	// header to the end of the line, else a bare word.
	private static int[] valueAt(String text, int start, boolean urlEncoded, boolean cookieHeader,
			boolean escaped) {
		String quote = quoteAt(text, start);
		if (!quote.isEmpty()) {
			int contentStart = start + quote.length();
			return new int[] { contentStart, closingQuote(text, contentStart, quote) };
		}
		if (start < text.length() && (text.charAt(start) == '[' || text.charAt(start) == '{')) {
			return new int[] { start, closingBracket(text, start, escaped) };
		}
		int end = bareValueEnd(text, start, urlEncoded);
		// A cookie header holds every cookie of the request: "a=1; b=2".
		while (cookieHeader && end < text.length() && text.charAt(end) == ';') {
			int next = end + 1;
			while (next < text.length() && text.charAt(next) == ' ') {
				next++;
			}
			int name = next;
			while (name < text.length() && isKeyChar(text, name)) {
				name++;
			}
			if (name == next || name >= text.length() || text.charAt(name) != '=') {
				break;
			}
			end = bareValueEnd(text, name + 1, false);
		}
		return new int[] { start, end };
	}

	private static int bareValueEnd(String text, int start, boolean urlEncoded) {
		int end = start;
		while (end < text.length() && !isDelimiter(text.charAt(end))
				&& !(urlEncoded && text.regionMatches(true, end, ENCODED_AMPERSAND, 0, 3))) {
			end++;
		}
		return end;
	}

	private static int closingQuote(String text, int from, String quote) {
		char q = quote.charAt(quote.length() - 1);
		boolean escapedQuote = quote.length() > 1;
		for (int i = from; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\\') {
				// An escaped quote that is the value's own closing quote: \"...\".
				if (escapedQuote && i + 1 < text.length() && text.charAt(i + 1) == q && !escapedTwice(text, i)) {
					return i;
				}
				i++;
				continue;
			}
			if (c == q && !escapedQuote) {
				return i;
			}
		}
		return text.length();
	}

	// Inside a value quoted with \", an escaped quote of the value itself is \\\".
	private static boolean escapedTwice(String text, int backslash) {
		return backslash > 0 && text.charAt(backslash - 1) == '\\';
	}

	// Inside an escaped JSON string, quotes are escaped too: brackets alone are counted.
	private static int closingBracket(String text, int start, boolean escaped) {
		int depth = 0;
		boolean quoted = false;
		for (int i = start; i < text.length(); i++) {
			char c = text.charAt(i);
			if (escaped) {
				if (c == '[' || c == '{') {
					depth++;
				}
				else if ((c == ']' || c == '}') && --depth == 0) {
					return i + 1;
				}
				continue;
			}
			if (quoted) {
				if (c == '\\') {
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				continue;
			}
			if (c == '"') {
				quoted = true;
			}
			else if (c == '[' || c == '{') {
				depth++;
			}
			else if ((c == ']' || c == '}') && --depth == 0) {
				return i + 1;
			}
		}
		return text.length();
	}

	private static boolean isCookieHeader(String key) {
		return key.equalsIgnoreCase("cookie") || key.equalsIgnoreCase("set-cookie");
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

	// Letters, digits, '_', '-', '.', and JSON's unicode escapes (pass\u0077ord), escaped
	// again inside a JSON string (pass\\u0077ord).
	private static boolean isKeyChar(String text, int i) {
		char c = text.charAt(i);
		if (Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.') {
			return true;
		}
		if (c != '\\') {
			return false;
		}
		int u = (i + 1 < text.length() && text.charAt(i + 1) == '\\') ? i + 2 : i + 1;
		return u + 4 < text.length() && text.charAt(u) == 'u' && isHex(text, u + 1, u + 5);
	}

	private static boolean isHex(String text, int from, int to) {
		for (int i = from; i < to; i++) {
			if (Character.digit(text.charAt(i), 16) < 0) {
				return false;
			}
		}
		return true;
	}

	private static String unescape(String key) {
		if (key.indexOf('\\') < 0) {
			return key;
		}
		StringBuilder plain = new StringBuilder(key.length());
		int i = 0;
		while (i < key.length()) {
			int u = key.startsWith("\\\\u", i) ? i + 2 : key.startsWith("\\u", i) ? i + 1 : -1;
			if (u >= 0 && u + 5 <= key.length() && isHex(key, u + 1, u + 5)) {
				plain.append((char) Integer.parseInt(key.substring(u + 1, u + 5), 16));
				i = u + 5;
			}
			else {
				plain.append(key.charAt(i++));
			}
		}
		return plain.toString();
	}

	private static boolean isQuote(char c) {
		return c == '"' || c == '\'';
	}

	private static boolean isDelimiter(char c) {
		return Character.isWhitespace(c) || c == '&' || c == ',' || c == ';' || c == '}' || c == ']' || c == ')'
				|| c == '"' || c == '\'' || c == '\\';
	}

}
