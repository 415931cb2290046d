package io.github.structuredlogging.autoconfigure.correlation;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties for correlation IDs.
 */
@ConfigurationProperties("structured-logging.correlation")
public class CorrelationProperties {

	/**
	 * Whether to give every request and task a correlation ID.
	 */
	private boolean enabled = true;

	/**
	 * Request headers an incoming correlation ID is read from, first match wins.
	 */
	private List<String> requestHeaders = new ArrayList<>(List.of("X-Correlation-ID", "X-Request-ID"));

	/**
	 * Response header the correlation ID is returned in.
	 */
	private String responseHeader = "X-Correlation-ID";

	/**
	 * Whether to return the trace ID in a response header when a tracer is active.
	 */
	private boolean traceIdResponseHeaderEnabled = true;

	/**
	 * Response header the trace ID is returned in.
	 */
	private String traceIdResponseHeader = "X-Trace-ID";

	/**
	 * Header the correlation ID is sent in on outgoing RestClient, RestTemplate and
	 * WebClient calls.
	 */
	private String outboundHeader = "X-Correlation-ID";

	/**
	 * Whether to send the correlation ID on outgoing RestClient, RestTemplate and
	 * WebClient calls.
	 */
	private boolean propagateToClients = true;

	/**
	 * Whether to carry the correlation ID and MDC to tasks run by Spring's executors and
	 * schedulers, including @Async and @Scheduled methods.
	 */
	private boolean propagateToTasks = true;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public List<String> getRequestHeaders() {
		return this.requestHeaders;
	}

	public void setRequestHeaders(List<String> requestHeaders) {
		this.requestHeaders = requestHeaders;
	}

	public String getResponseHeader() {
		return this.responseHeader;
	}

	public void setResponseHeader(String responseHeader) {
		this.responseHeader = responseHeader;
	}

	public boolean isTraceIdResponseHeaderEnabled() {
		return this.traceIdResponseHeaderEnabled;
	}

	public void setTraceIdResponseHeaderEnabled(boolean traceIdResponseHeaderEnabled) {
		this.traceIdResponseHeaderEnabled = traceIdResponseHeaderEnabled;
	}

	public String getTraceIdResponseHeader() {
		return this.traceIdResponseHeader;
	}

	public void setTraceIdResponseHeader(String traceIdResponseHeader) {
		this.traceIdResponseHeader = traceIdResponseHeader;
	}

	public String getOutboundHeader() {
		return this.outboundHeader;
	}

	public void setOutboundHeader(String outboundHeader) {
		this.outboundHeader = outboundHeader;
	}

	public boolean isPropagateToClients() {
		return this.propagateToClients;
	}

	public void setPropagateToClients(boolean propagateToClients) {
		this.propagateToClients = propagateToClients;
	}

	public boolean isPropagateToTasks() {
		return this.propagateToTasks;
	}

	public void setPropagateToTasks(boolean propagateToTasks) {
		this.propagateToTasks = propagateToTasks;
	}

}
