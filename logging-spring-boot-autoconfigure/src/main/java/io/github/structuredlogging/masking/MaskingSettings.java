package io.github.structuredlogging.masking;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the masking engine masks.
 *
 * @param keys names of fields, headers and parameters whose values are always replaced,
 * compared without regard to case
 * @param replacement what a masked value becomes
 * @param cardNumbers whether to mask payment card numbers that pass the Luhn check
 * @param jwts whether to mask JSON Web Tokens, keeping their first and last 4 characters
 * @param apiKeys whether to mask API keys with well-known prefixes, keeping the prefix, 4
 * characters and the last 4
 * @param authorization whether to mask the credentials of {@code Bearer} and
 * {@code Basic} authorization values
 * @param keyValues whether to mask the values of sensitive keys written in free text,
 * such as {@code password=...} or {@code "token":"..."}
 * @param emails how to mask e-mail addresses
 * @param ssns whether to mask US social security numbers
 * @param ibans whether to mask IBANs that pass their checksum
 * @param phones whether to mask phone numbers
 * @param customRules rules of the application's own
 */
public record MaskingSettings(Set<String> keys, String replacement, boolean cardNumbers, boolean jwts,
		boolean apiKeys, boolean authorization, boolean keyValues, EmailMasking emails, boolean ssns, boolean ibans,
		boolean phones, List<CustomRule> customRules) {

	/** Keys masked by default. */
	public static final List<String> DEFAULT_KEYS = List.of("password", "passwd", "pwd", "passphrase", "secret",
			"token", "access_token", "refresh_token", "id_token", "api_key", "apikey", "x-api-key", "access_key",
			"secret_key", "authorization", "proxy-authorization", "cookie", "set-cookie", "jsessionid",
			"session_id", "signature", "private_key", "client_secret", "credit_card", "card_number", "cvv", "ssn",
			"iban");

	/** What a masked value becomes by default. */
	public static final String DEFAULT_REPLACEMENT = "[REDACTED]";

	public MaskingSettings {
		keys = keys.stream().map((key) -> key.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
		Objects.requireNonNull(replacement, "'replacement' must not be null");
		Objects.requireNonNull(emails, "'emails' must not be null");
		customRules = List.copyOf(customRules);
	}

	/**
	 * Return the default settings: every default key, every detector but phone numbers.
	 * @return the defaults
	 */
	public static MaskingSettings defaults() {
		return new MaskingSettings(Set.copyOf(DEFAULT_KEYS), DEFAULT_REPLACEMENT, true, true, true, true, true,
				EmailMasking.PARTIAL, true, true, false, List.of());
	}

	/**
	 * A rule of the application's own.
	 *
	 * @param name the rule's name
	 * @param pattern the regular expression of what to mask
	 * @param replacement what each match becomes; {@code $1} and the like refer to groups
	 */
	public record CustomRule(String name, String pattern, String replacement) {

		public CustomRule {
			Objects.requireNonNull(name, "'name' must not be null");
			Objects.requireNonNull(pattern, "'pattern' must not be null");
			Objects.requireNonNull(replacement, "'replacement' must not be null");
		}

	}

}
