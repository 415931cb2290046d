package io.github.structuredlogging.masking;

/**
 * One way a sensitive value can show in free text, and how it is masked.
 */
interface TextRule {

	/**
	 * Return the rule's name, as used in configuration and failure counts.
	 * @return the name
	 */
	String name();

	/**
	 * Return the {@link Triggers} any of which a text must have for this rule to apply:
	 * text without them skips the rule.
	 * @return the trigger bits
	 */
	int triggers();

	/**
	 * Return the text with this rule's values masked.
	 * @param text the text
	 * @return the masked text, the same instance when nothing was masked
	 */
	String apply(String text);

}
