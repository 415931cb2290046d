package io.github.structuredlogging.api;

import org.jspecify.annotations.Nullable;

/**
 * Masks sensitive values before they reach any output. One engine serves the console,
 * the files, the event store, the audit trail and the log API; add a
 * {@link MaskingRule} bean to teach it a value of your own rather than replacing it.
 */
public interface Masker {

	/**
	 * Return the given free text with every sensitive value masked.
	 * @param text the text
	 * @return the masked text; the same instance when nothing was masked
	 */
	String mask(String text);

	/**
	 * Return the value to write under the given name: the replacement when the name is
	 * sensitive, the masked text otherwise.
	 * @param name the field, header or parameter name, {@code null} when unknown
	 * @param value the value
	 * @return what to write
	 */
	String mask(@Nullable String name, String value);

	/**
	 * Return the value with everything sensitive in it masked, as it would be written as
	 * JSON: strings as by {@link #mask(String, String)}, maps and lists at any depth.
	 * @param name the field name, {@code null} when unknown or in a list
	 * @param value the value
	 * @return the masked value
	 */
	@Nullable Object maskValue(@Nullable String name, @Nullable Object value);

	/**
	 * Return whether values under the given name are always masked whole.
	 * @param name a field, header or parameter name
	 * @return whether it is sensitive
	 */
	boolean isSensitiveKey(String name);

	/**
	 * Return what a value masked whole becomes.
	 * @return the replacement
	 */
	String replacement();

}
