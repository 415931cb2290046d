package io.github.structuredlogging.api;

/**
 * A sensitive value of the application's own, such as an internal token format. Define a
 * bean of this type and the {@link Masker} applies it, after its built-in rules, to every
 * string it masks: console, files, event store, audit trail and log API alike.
 */
@FunctionalInterface
public interface MaskingRule {

	/**
	 * Return the text with this rule's values masked. Called for every string written,
	 * so return quickly when there is nothing to mask; a rule that throws is skipped and
	 * counted.
	 * @param text the text
	 * @return the masked text, the same instance when nothing was masked
	 */
	String apply(String text);

}
