package io.github.structuredlogging.masking;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

import io.github.structuredlogging.api.Masker;
import io.github.structuredlogging.api.MaskingRule;
import org.jspecify.annotations.Nullable;

/**
 * The masking engine: replaces the values of sensitive keys, and finds sensitive values
 * in free text with its built-in rules and the application's {@link MaskingRule}s. Clean
 * text costs a few character scans and comes back as the same instance. Masking never
 * throws: a rule that fails is skipped and counted.
 */
public final class MaskingEngine implements Masker {

	private final MaskingSettings settings;

	private final SensitiveKeys keys;

	// Replaced whole when the application's rules arrive, after logging has started.
	private volatile TextRule[] rules;

	private final LongAdder failures = new LongAdder();

	/**
	 * Create an engine with the given settings.
	 * @param settings what to mask
	 */
	public MaskingEngine(MaskingSettings settings) {
		this.settings = settings;
		this.keys = new SensitiveKeys(settings.keys());
		this.rules = TextRules.of(settings, this.keys).toArray(TextRule[]::new);
	}

	/**
	 * Apply the given rules too, after the built-in ones, from now on.
	 * @param rules the application's rules, in order, by the names to report them under
	 */
	public synchronized void addRules(Map<String, ? extends MaskingRule> rules) {
		List<TextRule> all = new ArrayList<>(Arrays.asList(this.rules));
		rules.forEach((name, rule) -> all.add(new ApplicationRule(name, rule)));
		this.rules = all.toArray(TextRule[]::new);
	}

	/**
	 * Return whether values under the given name are always masked.
	 * @param name a field, header or parameter name
	 * @return whether it is sensitive
	 */
	@Override
	public boolean isSensitiveKey(String name) {
		return this.keys.isSensitive(name);
	}

	/**
	 * Return the given free text with every sensitive value masked.
	 * @param text the text
	 * @return the masked text; the same instance when nothing was masked
	 */
	@Override
	public String mask(String text) {
		int triggers = Triggers.scan(text);
		String result = text;
		for (TextRule rule : this.rules) {
			if ((rule.triggers() & triggers) == 0) {
				continue;
			}
			try {
				result = rule.apply(result);
			}
			catch (RuntimeException | StackOverflowError ex) {
				this.failures.increment();
			}
		}
		return result;
	}

	/**
	 * Return the value to write for the given name: the replacement when the name is
	 * sensitive, the masked value otherwise.
	 * @param name the field, header or parameter name, {@code null} when unknown
	 * @param value the value
	 * @return what to write
	 */
	@Override
	public String mask(@Nullable String name, String value) {
		return (name != null && isSensitiveKey(name)) ? this.settings.replacement() : mask(value);
	}

	/**
	 * Return the value with everything sensitive in it masked, as it would be written as
	 * JSON: strings through {@link #mask(String, String)}, card numbers written as numbers,
	 * maps and lists at any depth.
	 * @param name the field name, {@code null} when unknown or in a list
	 * @param value the value
	 * @return the masked value
	 */
	@Override
	public @Nullable Object maskValue(@Nullable String name, @Nullable Object value) {
		if (value == null) {
			return null;
		}
		if (name != null && isSensitiveKey(name)) {
			return this.settings.replacement();
		}
		if (value instanceof CharSequence text) {
			return mask(text.toString());
		}
		if (value instanceof Number number) {
			return isCardNumber(number.toString()) ? this.settings.replacement() : number;
		}
		if (value instanceof Map<?, ?> map) {
			Map<String, @Nullable Object> masked = new LinkedHashMap<>();
			map.forEach((key, item) -> masked.put(String.valueOf(key), maskValue(String.valueOf(key), item)));
			return masked;
		}
		if (value instanceof Collection<?> items) {
			List<@Nullable Object> masked = new ArrayList<>(items.size());
			items.forEach((item) -> masked.add(maskValue(null, item)));
			return masked;
		}
		return value;
	}

	/**
	 * Return whether the given digits are a payment card number to mask.
	 * @param digits the number written as digits
	 * @return whether it is masked
	 */
	public boolean isCardNumber(String digits) {
		if (!this.settings.cardNumbers() || digits.isEmpty() || digits.charAt(0) < '2' || digits.charAt(0) > '6') {
			return false;
		}
		for (int i = 0; i < digits.length(); i++) {
			if (!Character.isDigit(digits.charAt(i))) {
				return false;
			}
		}
		return Checksums.cardNumber(digits);
	}

	/**
	 * Return what a masked value becomes.
	 * @return the replacement
	 */
	@Override
	public String replacement() {
		return this.settings.replacement();
	}

	/**
	 * Return the names of the rules in force, in the order they run.
	 * @return the rule names
	 */
	public List<String> ruleNames() {
		return Arrays.stream(this.rules).map(TextRule::name).toList();
	}

	/**
	 * Return the settings of this engine.
	 * @return the settings
	 */
	public MaskingSettings settings() {
		return this.settings;
	}

	/**
	 * Return how many times a rule failed and was skipped.
	 * @return the number of failures
	 */
	public long failures() {
		return this.failures.sum();
	}

}
