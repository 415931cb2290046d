package io.github.structuredlogging.autoconfigure.fleet;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of the fleet view, which answers the log API's reads with
 * {@code scope=fleet} from the Elasticsearch/OpenSearch cluster the logs are shipped to
 * (its URL and credentials are the shipping ones).
 */
@ConfigurationProperties("structured-logging.fleet")
public class FleetProperties {

	/**
	 * Whether the log API answers scope=fleet from the cluster set by
	 * structured-logging.shipping.elasticsearch.url, for every instance of the service.
	 */
	private boolean enabled = false;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

}
