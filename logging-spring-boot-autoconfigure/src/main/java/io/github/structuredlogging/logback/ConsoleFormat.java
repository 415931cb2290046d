package io.github.structuredlogging.logback;

/**
 * How events are written to the console.
 */
public enum ConsoleFormat {

	/**
	 * One line of JSON per event, in the configured layout.
	 */
	JSON,

	/**
	 * A readable, coloured line per event, for local development.
	 */
	TEXT

}
