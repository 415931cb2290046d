package io.github.structuredlogging.http;

import java.util.Locale;

/**
 * How fast a request was, from {@link #FAST} to {@link #VERY_SLOW}.
 */
public enum PerformanceTier {

	/** Below the normal threshold. */
	FAST,

	/** From the normal threshold to the slow threshold. */
	NORMAL,

	/** From the slow threshold to the very slow threshold. */
	SLOW,

	/** From the very slow threshold on. */
	VERY_SLOW;

	private final String value = name().toLowerCase(Locale.ROOT);

	/**
	 * Return the tier as written in the {@code performance_tier} field.
	 * @return the tier's name in lower case, such as {@code very_slow}
	 */
	public String value() {
		return this.value;
	}

}
