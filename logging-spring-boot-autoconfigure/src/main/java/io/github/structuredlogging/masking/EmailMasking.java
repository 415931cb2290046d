package io.github.structuredlogging.masking;

/**
 * How e-mail addresses are masked.
 */
public enum EmailMasking {

	/** Keep the first character and the domain: {@code j***@example.com}. */
	PARTIAL,

	/** Replace the whole address. */
	FULL,

	/** Leave e-mail addresses as they are. */
	OFF

}
