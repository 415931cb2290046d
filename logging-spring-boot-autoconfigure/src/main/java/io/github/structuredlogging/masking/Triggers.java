package io.github.structuredlogging.masking;

/**
 * One pass over a text that notes which kinds of sensitive value it might hold, so that
 * clean text is done with after a single scan and only the rules it triggers run.
 */
final class Triggers {

	static final int NONE = 0;

	/** A '=' or ':' that may follow a sensitive key. */
	static final int SEPARATOR = 1;

	/** An '@' of an e-mail address. */
	static final int AT = 1 << 1;

	/** At least 7 digits in a run, maybe split by spaces or dashes. */
	static final int DIGITS_7 = 1 << 2;

	/** At least 9 digits in a run and a dash. */
	static final int DIGITS_9_DASH = 1 << 3;

	/** At least 13 digits in a run. */
	static final int DIGITS_13 = 1 << 4;

	/** "eyJ", how every JSON Web Token starts. */
	static final int JWT = 1 << 5;

	/** "bearer" or "basic", in any case. */
	static final int AUTHORIZATION = 1 << 6;

	/** A well-known API key prefix. */
	static final int API_KEY = 1 << 7;

	/** Two capital letters and two digits, how an IBAN starts. */
	static final int IBAN = 1 << 8;

	/** "-----BEGIN", how a PEM block starts. */
	static final int PEM = 1 << 9;

	/** A '<' that may open an XML element. */
	static final int ELEMENT = 1 << 10;

	/** Every text: rules of the application's own. */
	static final int ALWAYS = 1 << 30;

	private static final String[] API_KEY_PREFIXES = { "sk-", "sk_live_", "sk_test_", "rk_live_", "rk_test_",
			"pk_live_", "ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_", "AKIA", "ASIA", "AIza", "xox", "xapp-" };

	// The pairs of ASCII characters (previous, current) after which a trigger may start or
	// end, as one bit each: clean text is mostly pairs that are not, and costs a lookup a
	// character. The first two letters of a word trigger are far rarer than its first.
	private static final long[] PAIRS = new long[128 * 128 / 64];

	static {
		for (char previous = 0; previous < 128; previous++) {
			for (char c : "0123456789=:@<".toCharArray()) {
				mark(previous, c);
			}
		}
		for (String pair : new String[] { "yJ", "-B", "be", "bE", "Be", "BE", "ba", "bA", "Ba", "BA" }) {
			mark(pair.charAt(0), pair.charAt(1));
		}
		for (String prefix : API_KEY_PREFIXES) {
			mark(prefix.charAt(0), prefix.charAt(1));
		}
	}

	private Triggers() {
	}

	private static void mark(char previous, char c) {
		int pair = previous << 7 | c;
		PAIRS[pair >>> 6] |= 1L << pair;
	}

	static int scan(String text) {
		int found = ALWAYS;
		int run = 0;
		int longestRun = 0;
		char previous = 0;
		int length = text.length();
		for (int i = 0; i < length; i++) {
			char c = text.charAt(i);
			if (c >= 128) {
				previous = 0;
				continue;
			}
			int pair = previous << 7 | c;
			char before = previous;
			previous = c;
			if ((PAIRS[pair >>> 6] & (1L << pair)) == 0) {
				continue;
			}
			if (isDigit(c)) {
				run = continuesRun(text, i, before) ? run + 1 : 1;
				longestRun = Math.max(longestRun, run);
				found |= digitTriggers(text, i, before, c);
				continue;
			}
			found |= wordTriggers(text, i, c);
		}
		if (longestRun >= 7) {
			found |= DIGITS_7;
		}
		if (longestRun >= 9 && text.indexOf('-') >= 0) {
			found |= DIGITS_9_DASH;
		}
		if (longestRun >= 13) {
			found |= DIGITS_13;
		}
		return found;
	}

	// A digit run goes on over one space or dash between digits: 4111 1111, 123-45-6789.
	private static boolean continuesRun(String text, int i, char before) {
		return isDigit(before) || ((before == ' ' || before == '-') && i >= 2 && isDigit(text.charAt(i - 2)));
	}

	// What a digit completes: %3D, %40, or the two capitals and two digits an IBAN starts with.
	private static int digitTriggers(String text, int i, char before, char c) {
		if (before == '%') {
			if (c == '3') {
				return text.regionMatches(true, i, "3D", 0, 2) ? SEPARATOR : NONE;
			}
			return text.startsWith("40", i) ? AT : NONE;
		}
		if (isDigit(before) && i >= 3 && isUpper(text.charAt(i - 2)) && isUpper(text.charAt(i - 3))) {
			return IBAN;
		}
		return NONE;
	}

	// What a character other than a digit completes, with the one before it.
	private static int wordTriggers(String text, int i, char c) {
		return switch (c) {
			case '=', ':' -> SEPARATOR;
			case '@' -> AT;
			case '<' -> ELEMENT;
			case 'J' -> (i >= 2 && text.charAt(i - 2) == 'e') ? JWT : NONE;
			case 'B' -> text.startsWith("-----BEGIN", i - 5) ? PEM : NONE;
			default -> {
				int start = i - 1;
				if (text.regionMatches(true, start, "bearer", 0, 6) || text.regionMatches(true, start, "basic", 0, 5)) {
					yield AUTHORIZATION;
				}
				yield startsWithApiKeyPrefix(text, start) ? API_KEY : NONE;
			}
		};
	}

	private static boolean startsWithApiKeyPrefix(String text, int offset) {
		for (String prefix : API_KEY_PREFIXES) {
			if (text.startsWith(prefix, offset)) {
				return true;
			}
		}
		return false;
	}

	private static boolean isDigit(char c) {
		return c >= '0' && c <= '9';
	}

	private static boolean isUpper(char c) {
		return c >= 'A' && c <= 'Z';
	}

}
