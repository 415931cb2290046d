package io.github.structuredlogging.shipping.elasticsearch;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;

import io.github.structuredlogging.json.LogField;
import io.github.structuredlogging.shipping.ShippingEvent;

/**
 * Where each event goes: one index per stream and day, {@code <service>-<stream>-YYYY.MM.DD},
 * or one data stream per stream, {@code logs-<service>.<stream>-<environment>}.
 *
 * @param service the service name, made safe for index names
 * @param environment the environment, made safe for index names
 * @param dataStreams whether to write to data streams instead of daily indices
 */
public record IndexNaming(String service, String environment, boolean dataStreams) {

	/**
	 * Name events of a service.
	 * @param service the service's name
	 * @param environment the deployment environment
	 * @param dataStreams whether to write to data streams
	 * @return the naming
	 */
	public static IndexNaming of(String service, String environment, boolean dataStreams) {
		// A data stream's dataset and namespace may not contain '-': it separates them.
		return new IndexNaming(safe(service, dataStreams), safe(environment, dataStreams), dataStreams);
	}

	/**
	 * Return the index or data stream of an event.
	 * @param event the event
	 * @return its name
	 */
	public String of(ShippingEvent event) {
		String stream = safe(event.stream(), this.dataStreams);
		if (this.dataStreams) {
			return "logs-" + this.service + "." + stream + "-" + this.environment;
		}
		return this.service + "-" + stream + "-" + day(event.text(LogField.TIMESTAMP));
	}

	/**
	 * Return the pattern of the names one stream's events go to.
	 * @param stream the stream
	 * @return the pattern, such as {@code orders-performance-*}
	 */
	public String pattern(String stream) {
		String safeStream = safe(stream, this.dataStreams);
		return this.dataStreams ? "logs-" + this.service + "." + safeStream + "-" + this.environment
				: this.service + "-" + safeStream + "-*";
	}

	/**
	 * Return the naming of every service's events in the same environment, for patterns.
	 * @return the naming, with {@code *} for the service
	 */
	public IndexNaming anyService() {
		return new IndexNaming("*", this.environment, this.dataStreams);
	}

	/**
	 * Return the name of the index template.
	 * @return the name
	 */
	public String templateName() {
		return this.dataStreams ? "logs-" + this.service : this.service + "-logs";
	}

	/**
	 * Return the pattern of the names the template applies to.
	 * @return the pattern
	 */
	public String pattern() {
		return this.dataStreams ? "logs-" + this.service + ".*-*" : this.service + "-*-*";
	}

	// Written by the encoder as an ISO instant in UTC: its first ten characters are the day.
	private static String day(String timestamp) {
		if (timestamp != null && timestamp.length() >= 10 && timestamp.charAt(4) == '-' && timestamp.charAt(7) == '-') {
			return timestamp.substring(0, 10).replace('-', '.');
		}
		return LocalDate.now(ZoneOffset.UTC).toString().replace('-', '.');
	}

	private static String safe(String name, boolean noDash) {
		StringBuilder safe = new StringBuilder(name.length());
		for (char c : name.toLowerCase(Locale.ROOT).toCharArray()) {
			boolean allowed = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.'
					|| (c == '-' && !noDash);
			safe.append(allowed ? c : '_');
		}
		while (safe.length() > 0 && (safe.charAt(0) == '_' || safe.charAt(0) == '-' || safe.charAt(0) == '.')) {
			safe.deleteCharAt(0);
		}
		return (safe.length() > 0) ? safe.toString() : "unknown";
	}

}
