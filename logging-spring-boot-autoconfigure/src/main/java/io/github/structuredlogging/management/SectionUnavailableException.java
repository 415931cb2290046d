package io.github.structuredlogging.management;

/**
 * Thrown when a section of the log API is switched off by configuration.
 */
public class SectionUnavailableException extends RuntimeException {

	/**
	 * Create an exception naming the property that switches the section on.
	 * @param section the section
	 * @param property the property that switches it on
	 */
	public SectionUnavailableException(String section, String property) {
		super("'" + section + "' is not available: it needs " + property);
	}

}
