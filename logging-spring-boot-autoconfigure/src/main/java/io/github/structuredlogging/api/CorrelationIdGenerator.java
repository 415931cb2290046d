package io.github.structuredlogging.api;

/**
 * Creates correlation IDs for requests and tasks that arrive without one. Define a bean of
 * this type to replace the default random UUIDs.
 */
@FunctionalInterface
public interface CorrelationIdGenerator {

	/**
	 * Return a new correlation ID: at most 128 characters of {@code [A-Za-z0-9._:-]}.
	 * @return the new ID
	 */
	String generate();

}
