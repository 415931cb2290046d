package io.github.structuredlogging.masking;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Builds the free-text rules that the settings switch on, each behind the {@link Triggers}
 * that let clean text skip it.
 */
final class TextRules {

	private static final Pattern AUTHORIZATION = Pattern
		.compile("(?i)\\b(bearer|basic)(\\s+)([A-Za-z0-9._~+/-]+=*)");

	private static final Pattern JWT = Pattern
		.compile("eyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]*");

	private static final Pattern API_KEY = Pattern.compile("(?<![A-Za-z0-9])(sk_live_|sk_test_|rk_live_|rk_test_"
			+ "|pk_live_|sk-|gh[pousr]_|github_pat_|AKIA|ASIA|AIza|xox[abeoprs]-|xapp-)([A-Za-z0-9_-]{12,})");

	// The whole block, or to the end of the text when its end was cut off.
	private static final Pattern PEM = Pattern.compile(
			"-----BEGIN ([A-Z0-9 ]*PRIVATE KEY[A-Z0-9 ]*)-----.*?(?:-----END [A-Z0-9 ]*-----|\\z)", Pattern.DOTALL);

	// Credentials in a URL, with a scheme (redis://:pw@cache) or without (user:pw@host.tld).
	private static final Pattern URL_CREDENTIALS = Pattern.compile(
			"(?<![A-Za-z0-9._%+-])((?:[A-Za-z][A-Za-z0-9+.-]*://)?[A-Za-z0-9._%+~-]*):([^@\\s/:\"']+)@(?=[A-Za-z0-9.-]+)");

	private static final Pattern ELEMENT = Pattern
		.compile("<([A-Za-z_][A-Za-z0-9_.:-]*)(\\s[^<>]*)?>([^<]*)</\\1\\s*>");

	// Whole tokens only: a digit run inside a hex hash or trace ID is not a card number.
	private static final Pattern CARD = Pattern.compile("(?<![\\w-])\\d(?:[ -]?\\d){12,}(?![\\w])");

	private static final Pattern SSN = Pattern.compile("(?<![\\w-])(\\d{3})-(\\d{2})-(\\d{4})(?![\\w-])");

	private static final Pattern IBAN = Pattern.compile("\\b[A-Z]{2}\\d{2}(?: ?[A-Z0-9]{1,4}){3,8}\\b");

	// Also URL-encoded, as in a path or a message quoting one: alice%40example.com.
	private static final Pattern EMAIL = Pattern
		.compile("(?<![A-Za-z0-9._%+-])([A-Za-z0-9])[A-Za-z0-9._%+-]*(?:@|%40)([A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,})");

	private static final Pattern PHONE = Pattern
		.compile("(?<![\\w+])\\+?\\d{1,3}[ .-]?\\(?\\d{2,4}\\)?[ .-]?\\d{3,4}[ .-]?\\d{3,4}(?![\\w])");

	private TextRules() {
	}

	static List<TextRule> of(MaskingSettings settings, SensitiveKeys keys) {
		String mask = settings.replacement();
		List<TextRule> rules = new ArrayList<>();
		if (settings.authorization()) {
			rules.add(new PatternRule("authorization", Triggers.AUTHORIZATION,
					AUTHORIZATION,
					(match) -> isCredential(match) ? match.group(1) + match.group(2) + mask : null));
		}
		if (settings.keyValues()) {
			rules.add(new KeyValueTextRule(keys, mask));
		}
		if (settings.keyValues()) {
			rules.add(new PatternRule("pem-private-key", Triggers.PEM, PEM,
					(match) -> "-----BEGIN " + match.group(1) + "-----" + mask + "-----END " + match.group(1)
							+ "-----"));
			rules.add(new PatternRule("url-credentials", Triggers.AT, URL_CREDENTIALS,
					(match) -> match.group(2).startsWith(mask) ? null : match.group(1) + ":" + mask + "@"));
			rules.add(new PatternRule("xml-element", Triggers.ELEMENT, ELEMENT,
					(match) -> keys.isSensitive(match.group(1)) && !match.group(3).equals(mask)
							? "<" + match.group(1) + ((match.group(2) != null) ? match.group(2) : "") + ">" + mask
									+ "</" + match.group(1) + ">"
							: null));
		}
		if (settings.jwts()) {
			rules.add(new PatternRule("jwt", Triggers.JWT, JWT, (match) -> partial(match.group(), 4)));
		}
		if (settings.apiKeys()) {
			rules.add(new PatternRule("api-key", Triggers.API_KEY, API_KEY,
					(match) -> match.group(1) + partial(match.group(2), 4)));
		}
		if (settings.cardNumbers()) {
			rules.add(new PatternRule("card-number", Triggers.DIGITS_13, CARD,
					(match) -> cardNumber(match.group(), mask)));
		}
		if (settings.ssns()) {
			rules.add(new PatternRule("ssn", Triggers.DIGITS_9_DASH, SSN,
					(match) -> isSsn(match) ? mask : null));
		}
		if (settings.ibans()) {
			rules.add(new PatternRule("iban", Triggers.IBAN, IBAN, (match) -> iban(match.group(), mask)));
		}
		if (settings.emails() != EmailMasking.OFF) {
			boolean partial = settings.emails() == EmailMasking.PARTIAL;
			rules.add(new PatternRule("email", Triggers.AT, EMAIL,
					(match) -> partial ? match.group(1) + "***@" + match.group(2) : mask));
		}
		if (settings.phones()) {
			rules.add(new PatternRule("phone", Triggers.DIGITS_7, PHONE, (match) -> mask));
		}
		for (MaskingSettings.CustomRule custom : settings.customRules()) {
			rules.add(ApplicationRule.of(custom));
		}
		return List.copyOf(rules);
	}

	/**
	 * Keep the first and last characters of a token: {@code eyJh...wxyz}.
	 */
	static String partial(String token, int keep) {
		if (token.length() <= keep * 2) {
			return "...";
		}
		return token.substring(0, keep) + "..." + token.substring(token.length() - keep);
	}

	// 'Basic plan' is English, 'Basic dXNlcjpwYXNz' is a credential.
	private static boolean isCredential(Matcher match) {
		String credential = match.group(3);
		if (match.group(1).equalsIgnoreCase("bearer")) {
			return credential.length() >= 8;
		}
		if (credential.length() < 8) {
			return false;
		}
		for (int i = 0; i < credential.length(); i++) {
			char c = credential.charAt(i);
			if (Character.isDigit(c) || c == '=' || c == '+' || c == '/' || (i > 0 && Character.isUpperCase(c))) {
				return true;
			}
		}
		return false;
	}

	// A digit run may hold a card number between other digit groups ("#2 4111 1111 1111
	// 1111"): try the spans of whole groups, longest first, that start and end with groups
	// of at least 3 digits, as card numbers are written. Never a span that splits a group,
	// which would find a Luhn-valid number in almost any long run of digits.
	private static @Nullable String cardNumber(String candidate, String mask) {
		List<int[]> groups = new ArrayList<>();
		int start = 0;
		for (int i = 1; i <= candidate.length(); i++) {
			if (i == candidate.length() || candidate.charAt(i) == ' ' || candidate.charAt(i) == '-') {
				groups.add(new int[] { start, i });
				start = i + 1;
			}
		}
		for (int count = groups.size(); count >= 1; count--) {
			for (int first = 0; first + count <= groups.size(); first++) {
				int[] head = groups.get(first);
				int[] tail = groups.get(first + count - 1);
				if (count > 1 && (head[1] - head[0] < 3 || tail[1] - tail[0] < 3)) {
					continue;
				}
				int from = head[0];
				int to = tail[1];
				String digits = digitsOf(candidate.substring(from, to));
				char lead = digits.charAt(0);
				if (lead >= '2' && lead <= '6' && Checksums.cardNumber(digits)) {
					return candidate.substring(0, from) + mask + candidate.substring(to);
				}
			}
		}
		return null;
	}

	private static boolean isSsn(Matcher match) {
		String area = match.group(1);
		return !area.equals("000") && !area.equals("666") && area.charAt(0) != '9' && !match.group(2).equals("00")
				&& !match.group(3).equals("0000");
	}

	// A match may run into the next word; drop groups from the end until the checksum
	// passes.
	private static @Nullable String iban(String candidate, String mask) {
		String[] groups = candidate.split(" ");
		for (int end = groups.length; end >= 1; end--) {
			String compact = String.join("", Arrays.copyOfRange(groups, 0, end));
			if (Checksums.iban(compact)) {
				String kept = String.join(" ", Arrays.copyOfRange(groups, 0, end));
				return mask + candidate.substring(kept.length());
			}
		}
		return null;
	}

	static String digitsOf(String text) {
		StringBuilder digits = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c >= '0' && c <= '9') {
				digits.append(c);
			}
		}
		return digits.toString();
	}

}
