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

	// Characters that start a trigger; most characters of clean text are not among them.
	private static final boolean[] INTERESTING = new boolean[128];

	static {
		for (char c : "=:@%<-ebBspgrAx".toCharArray()) {
			INTERESTING[c] = true;
		}
		for (char c = 'A'; c <= 'Z'; c++) {
			INTERESTING[c] = true;
		}
	}

	private Triggers() {
	}

	static int scan(String text) {
		int found = ALWAYS;
		int digits = 0;
		int longestRun = 0;
		boolean dash = false;
		int length = text.length();
		for (int i = 0; i < length; i++) {
			char c = text.charAt(i);
			if (c >= '0' && c <= '9') {
				digits++;
				longestRun = Math.max(longestRun, digits);
				continue;
			}
			boolean separatorInRun = (c == ' ' || c == '-') && digits > 0 && i + 1 < length
					&& isDigit(text.charAt(i + 1));
			if (!separatorInRun) {
				digits = 0;
			}
			if (c >= 128 || !INTERESTING[c]) {
				continue;
			}
			switch (c) {
				case '=', ':' -> found |= SEPARATOR;
				case '%' -> {
					if (text.regionMatches(true, i + 1, "3D", 0, 2)) {
						found |= SEPARATOR;
					}
					else if (text.startsWith("40", i + 1)) {
						found |= AT;
					}
				}
				case '@' -> found |= AT;
				case '<' -> found |= ELEMENT;
				case '-' -> {
					dash = true;
					if (text.startsWith("----BEGIN", i + 1)) {
						found |= PEM;
					}
				}
				case 'e' -> {
					if (text.startsWith("yJ", i + 1)) {
						found |= JWT;
					}
				}
				case 'b', 'B' -> {
					if (text.regionMatches(true, i + 1, "earer", 0, 5) || text.regionMatches(true, i + 1, "asic", 0, 4)) {
						found |= AUTHORIZATION;
					}
				}
				case 's', 'p', 'g', 'r', 'A', 'x' -> {
					if (i + 1 < length && mayStartApiKey(c, text.charAt(i + 1)) && startsWithApiKeyPrefix(text, i)) {
						found |= API_KEY;
					}
				}
				default -> {
				}
			}
			if (c >= 'A' && c <= 'Z' && i + 3 < length && isUpper(text.charAt(i + 1)) && isDigit(text.charAt(i + 2))
					&& isDigit(text.charAt(i + 3))) {
				found |= IBAN;
			}
		}
		if (longestRun >= 7) {
			found |= DIGITS_7;
		}
		if (longestRun >= 9 && dash) {
			found |= DIGITS_9_DASH;
		}
		if (longestRun >= 13) {
			found |= DIGITS_13;
		}
		return found;
	}

	// The second letter of every prefix, checked first: the first letters are common in
	// clean text, the pairs are not.
	private static boolean mayStartApiKey(char first, char second) {
		return switch (first) {
			case 's', 'p', 'r' -> second == 'k';
			case 'g' -> second == 'h' || second == 'i';
			case 'A' -> second == 'K' || second == 'S' || second == 'I';
			case 'x' -> second == 'o' || second == 'a';
			default -> false;
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
