package io.github.structuredlogging.management.fleet;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.github.structuredlogging.json.JsonLayout;
import io.github.structuredlogging.json.LogField;
import io.github.structuredlogging.management.InvalidParameterException;
import io.github.structuredlogging.shipping.elasticsearch.IndexNaming;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Whose events a fleet read covers: the service's own, another service's, or every
 * service's ({@code service=*}), always of the own environment; where the shipper wrote
 * them; and the field names of the layout they were written in.
 *
 * @param service the service, {@code *} for all
 * @param environment the environment
 * @param naming where the shipper writes the own service's events
 * @param layout the layout the events were written in
 */
public record FleetScope(String service, String environment, IndexNaming naming, JsonLayout layout) {

	/** The service parameter that selects every service. */
	public static final String ALL_SERVICES = "*";

	private static final Pattern SERVICE = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	/**
	 * Return the scope of the given service parameter.
	 * @param service the parameter, {@code null} for the own service
	 * @return the scope
	 * @throws InvalidParameterException for a value that is not a service name
	 */
	public FleetScope of(@Nullable String service) {
		if (service == null || service.equals(this.service)) {
			return this;
		}
		if (service.equals(ALL_SERVICES)) {
			return new FleetScope(ALL_SERVICES, this.environment, this.naming.anyService(), this.layout);
		}
		if (!SERVICE.matcher(service).matches()) {
			throw new InvalidParameterException("service", "'" + service + "' is not a service name, nor *");
		}
		return new FleetScope(service, this.environment,
				IndexNaming.of(service, this.environment, this.naming.dataStreams()), this.layout);
	}

	/**
	 * Return the index patterns of the given streams.
	 * @param streams the streams
	 * @return the patterns, comma-separated
	 */
	public String indices(List<String> streams) {
		return streams.stream().map(this.naming::pattern).collect(Collectors.joining(","));
	}

	/**
	 * Return the name of a field in the layout.
	 * @param field the field
	 * @return its name
	 */
	public String field(LogField field) {
		String name = field.nameIn(this.layout);
		return (name != null) ? name : field.ecsName();
	}

	/**
	 * Return the filters every read of this scope starts with: the environment, and the
	 * service unless every service is read.
	 * @return the filters
	 */
	public ArrayNode filters() {
		ArrayNode filters = NODES.arrayNode();
		filters.add(term(field(LogField.ENVIRONMENT), this.environment));
		if (!this.service.equals(ALL_SERVICES)) {
			filters.add(term(field(LogField.SERVICE_NAME), this.service));
		}
		return filters;
	}

	/**
	 * Return a term query.
	 * @param field the field's name
	 * @param value the value
	 * @return the query
	 */
	static ObjectNode term(String field, String value) {
		ObjectNode term = NODES.objectNode();
		term.putObject("term").put(field, value);
		return term;
	}

	/**
	 * Return a range query on the timestamp.
	 * @param since the earliest time, ISO-8601, {@code null} for none
	 * @param until the latest time, ISO-8601, {@code null} for none
	 * @return the query
	 */
	static ObjectNode timeRange(@Nullable String since, @Nullable String until) {
		ObjectNode range = NODES.objectNode();
		ObjectNode bounds = range.putObject("range").putObject(LogField.TIMESTAMP.key());
		if (since != null) {
			bounds.put("gte", since);
		}
		if (until != null) {
			bounds.put("lte", until);
		}
		return range;
	}

}
