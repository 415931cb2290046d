package io.github.structuredlogging.management;

/**
 * Thrown when a request parameter has a value the log API cannot use.
 */
public class InvalidParameterException extends RuntimeException {

	private final String parameter;

	/**
	 * Create an exception for the given parameter.
	 * @param parameter the parameter's name
	 * @param detail what is wrong with its value
	 */
	public InvalidParameterException(String parameter, String detail) {
		super("Invalid parameter '" + parameter + "': " + detail);
		this.parameter = parameter;
	}

	/**
	 * Return the name of the parameter.
	 * @return the parameter's name
	 */
	public String parameter() {
		return this.parameter;
	}

}
