package io.github.structuredlogging.autoconfigure.masking;

import java.util.ArrayList;
import java.util.List;

import io.github.structuredlogging.masking.EmailMasking;
import io.github.structuredlogging.masking.MaskingSettings;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Configuration properties for masking secrets and personal data in every log output.
 * Validates itself, so that a bad rule fails start-up naming the property.
 */
@ConfigurationProperties("structured-logging.masking")
public class MaskingProperties implements Validator {

	private static final Validator VALIDATOR = new MaskingPropertiesValidator();

	/**
	 * Whether to mask secrets and personal data in every log output.
	 */
	private boolean enabled = true;

	/**
	 * Names of fields, headers and parameters to mask, on top of the default ones.
	 */
	private List<String> additionalKeys = new ArrayList<>();

	/**
	 * Default names that are not to be masked.
	 */
	private List<String> excludedKeys = new ArrayList<>();

	/**
	 * What a masked value becomes.
	 */
	private String replacement = MaskingSettings.DEFAULT_REPLACEMENT;

	private final Detectors detectors = new Detectors();

	/**
	 * Rules of the application's own, applied to free text after the built-in ones.
	 */
	private List<Rule> rules = new ArrayList<>();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public List<String> getAdditionalKeys() {
		return this.additionalKeys;
	}

	public void setAdditionalKeys(List<String> additionalKeys) {
		this.additionalKeys = additionalKeys;
	}

	public List<String> getExcludedKeys() {
		return this.excludedKeys;
	}

	public void setExcludedKeys(List<String> excludedKeys) {
		this.excludedKeys = excludedKeys;
	}

	public String getReplacement() {
		return this.replacement;
	}

	public void setReplacement(String replacement) {
		this.replacement = replacement;
	}

	public Detectors getDetectors() {
		return this.detectors;
	}

	public List<Rule> getRules() {
		return this.rules;
	}

	public void setRules(List<Rule> rules) {
		this.rules = rules;
	}

	@Override
	public boolean supports(Class<?> type) {
		return VALIDATOR.supports(type);
	}

	@Override
	public void validate(Object target, Errors errors) {
		VALIDATOR.validate(target, errors);
	}

	/**
	 * The detectors that find sensitive values in free text.
	 */
	public static class Detectors {

		/**
		 * Whether to mask payment card numbers (13 to 19 digits, with spaces or dashes) that
		 * pass the Luhn check.
		 */
		private boolean cardNumbers = true;

		/**
		 * Whether to mask JSON Web Tokens, keeping their first and last 4 characters.
		 */
		private boolean jwts = true;

		/**
		 * Whether to mask API keys with well-known prefixes (sk-, sk_live_, pk_live_, ghp_,
		 * github_pat_, AKIA, xoxb- and the like), keeping the prefix, 4 characters and the
		 * last 4.
		 */
		private boolean apiKeys = true;

		/**
		 * Whether to mask the credentials of 'Bearer' and 'Basic' authorization values,
		 * keeping the scheme.
		 */
		private boolean authorization = true;

		/**
		 * Whether to mask the values of sensitive keys written in free text, such as
		 * 'password=...' in a message or 'token=...' in a query string.
		 */
		private boolean keyValues = true;

		/**
		 * How to mask e-mail addresses.
		 */
		private EmailMasking emails = EmailMasking.PARTIAL;

		/**
		 * Whether to mask US social security numbers.
		 */
		private boolean ssns = true;

		/**
		 * Whether to mask IBANs that pass their checksum.
		 */
		private boolean ibans = true;

		/**
		 * Whether to mask phone numbers; off because it also matches many other numbers.
		 */
		private boolean phones = false;

		public boolean isCardNumbers() {
			return this.cardNumbers;
		}

		public void setCardNumbers(boolean cardNumbers) {
			this.cardNumbers = cardNumbers;
		}

		public boolean isJwts() {
			return this.jwts;
		}

		public void setJwts(boolean jwts) {
			this.jwts = jwts;
		}

		public boolean isApiKeys() {
			return this.apiKeys;
		}

		public void setApiKeys(boolean apiKeys) {
			this.apiKeys = apiKeys;
		}

		public boolean isAuthorization() {
			return this.authorization;
		}

		public void setAuthorization(boolean authorization) {
			this.authorization = authorization;
		}

		public boolean isKeyValues() {
			return this.keyValues;
		}

		public void setKeyValues(boolean keyValues) {
			this.keyValues = keyValues;
		}

		public EmailMasking getEmails() {
			return this.emails;
		}

		public void setEmails(EmailMasking emails) {
			this.emails = emails;
		}

		public boolean isSsns() {
			return this.ssns;
		}

		public void setSsns(boolean ssns) {
			this.ssns = ssns;
		}

		public boolean isIbans() {
			return this.ibans;
		}

		public void setIbans(boolean ibans) {
			this.ibans = ibans;
		}

		public boolean isPhones() {
			return this.phones;
		}

		public void setPhones(boolean phones) {
			this.phones = phones;
		}

	}

	/**
	 * A masking rule of the application's own.
	 */
	public static class Rule {

		/**
		 * Name of the rule.
		 */
		private @Nullable String name;

		/**
		 * Regular expression of what to mask.
		 */
		private @Nullable String pattern;

		/**
		 * What each match becomes; $1 and the like refer to the pattern's groups.
		 */
		private String replacement = MaskingSettings.DEFAULT_REPLACEMENT;

		public @Nullable String getName() {
			return this.name;
		}

		public void setName(@Nullable String name) {
			this.name = name;
		}

		public @Nullable String getPattern() {
			return this.pattern;
		}

		public void setPattern(@Nullable String pattern) {
			this.pattern = pattern;
		}

		public String getReplacement() {
			return this.replacement;
		}

		public void setReplacement(String replacement) {
			this.replacement = replacement;
		}

	}

}
