package io.github.structuredlogging.autoconfigure.shipping;

import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.structuredlogging.shipping.loki.LokiLabels;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Configuration properties for shipping events to the clusters that collect logs.
 */
@ConfigurationProperties("structured-logging.shipping")
public class ShippingProperties implements Validator {

	private static final Validator VALIDATOR = new ShippingPropertiesValidator();

	/**
	 * How long to go on shipping at shutdown; what is still unshipped then stays in the
	 * stream file and is shipped at the next start.
	 */
	private Duration drainTimeout = Duration.ofSeconds(5);

	/**
	 * How far a shipper may fall behind, or how long it may keep failing, before logging
	 * health turns DEGRADED.
	 */
	private Duration maxLag = Duration.ofSeconds(60);

	/**
	 * Capacity of each shipper's queue in memory, used when no stream files are written;
	 * a line that finds it full is dropped and counted.
	 */
	private int queueSize = 10_000;

	private final Elasticsearch elasticsearch = new Elasticsearch();

	private final Loki loki = new Loki();

	private final Tcp tcp = new Tcp();

	private final Otlp otlp = new Otlp();

	public Duration getDrainTimeout() {
		return this.drainTimeout;
	}

	public void setDrainTimeout(Duration drainTimeout) {
		this.drainTimeout = drainTimeout;
	}

	public Duration getMaxLag() {
		return this.maxLag;
	}

	public void setMaxLag(Duration maxLag) {
		this.maxLag = maxLag;
	}

	public int getQueueSize() {
		return this.queueSize;
	}

	public void setQueueSize(int queueSize) {
		this.queueSize = queueSize;
	}

	public Elasticsearch getElasticsearch() {
		return this.elasticsearch;
	}

	public Loki getLoki() {
		return this.loki;
	}

	public Tcp getTcp() {
		return this.tcp;
	}

	public Otlp getOtlp() {
		return this.otlp;
	}

	@Override
	public boolean supports(Class<?> type) {
		return VALIDATOR.supports(type);
	}

	@Override
	public void validate(Object target, Errors errors) {
		VALIDATOR.validate(target, errors);
	}

	/**
	 * What every shipper has: a switch, its batches and its retries.
	 */
	public static class Backend {

		/**
		 * Whether to ship to this backend once its address is set.
		 */
		private boolean enabled = true;

		/**
		 * The most events in one batch.
		 */
		private int batchSize = 1000;

		/**
		 * The longest an event waits for its batch to fill before the batch is sent.
		 */
		private Duration batchTimeout = Duration.ofSeconds(2);

		/**
		 * How long to wait for a connection and for each answer.
		 */
		private Duration timeout = Duration.ofSeconds(10);

		/**
		 * The wait after a first failed attempt; doubled after each further failure.
		 */
		private Duration firstBackoff = Duration.ofSeconds(1);

		/**
		 * The longest wait between attempts.
		 */
		private Duration maxBackoff = Duration.ofSeconds(30);

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public int getBatchSize() {
			return this.batchSize;
		}

		public void setBatchSize(int batchSize) {
			this.batchSize = batchSize;
		}

		public Duration getBatchTimeout() {
			return this.batchTimeout;
		}

		public void setBatchTimeout(Duration batchTimeout) {
			this.batchTimeout = batchTimeout;
		}

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
		}

		public Duration getFirstBackoff() {
			return this.firstBackoff;
		}

		public void setFirstBackoff(Duration firstBackoff) {
			this.firstBackoff = firstBackoff;
		}

		public Duration getMaxBackoff() {
			return this.maxBackoff;
		}

		public void setMaxBackoff(Duration maxBackoff) {
			this.maxBackoff = maxBackoff;
		}

	}

	/**
	 * Shipping to Elasticsearch or OpenSearch.
	 */
	/**
	 * A backend reached over HTTP: its base URL and a user and password.
	 */
	public static class HttpApi extends Backend {

		/**
		 * Base URL of the backend, such as 'https://logs.example.com:9200'. Without it,
		 * nothing is shipped to this backend.
		 */
		private @Nullable URI url;

		/**
		 * User for HTTP basic authentication. Without it (and without a token or
		 * credentials in the URL), requests carry no credentials.
		 */
		private @Nullable String username;

		/**
		 * Password for HTTP basic authentication. Without it, the user is sent with an
		 * empty password.
		 */
		private @Nullable String password;

		public @Nullable URI getUrl() {
			return this.url;
		}

		public void setUrl(@Nullable URI url) {
			this.url = url;
		}

		public @Nullable String getUsername() {
			return this.username;
		}

		public void setUsername(@Nullable String username) {
			this.username = username;
		}

		public @Nullable String getPassword() {
			return this.password;
		}

		public void setPassword(@Nullable String password) {
			this.password = password;
		}

	}

	public static class Elasticsearch extends HttpApi {

		/**
		 * Elasticsearch API key (the encoded form the cluster issues), sent as
		 * 'Authorization: ApiKey ...'; it wins over a user and password. Without it, basic
		 * authentication is used when a user is set.
		 */
		private @Nullable String apiKey;

		/**
		 * Whether to write to data streams, 'logs-<service>.<stream>-<environment>',
		 * instead of one index per stream and day, '<service>-<stream>-YYYY.MM.DD'.
		 */
		private boolean dataStreams;

		/**
		 * Whether to install the starter's index template before the first batch.
		 */
		private boolean applyTemplate = true;

		public @Nullable String getApiKey() {
			return this.apiKey;
		}

		public void setApiKey(@Nullable String apiKey) {
			this.apiKey = apiKey;
		}

		public boolean isDataStreams() {
			return this.dataStreams;
		}

		public void setDataStreams(boolean dataStreams) {
			this.dataStreams = dataStreams;
		}

		public boolean isApplyTemplate() {
			return this.applyTemplate;
		}

		public void setApplyTemplate(boolean applyTemplate) {
			this.applyTemplate = applyTemplate;
		}

	}

	public static class Loki extends HttpApi {

		/**
		 * Tenant, sent as 'X-Scope-OrgID'. Without it, no tenant header is sent.
		 */
		private @Nullable String tenant;

		/**
		 * Bearer token; it wins over a user and password. Without it, basic
		 * authentication is used when a user is set.
		 */
		private @Nullable String bearerToken;

		/**
		 * Fields that become stream labels, by their name in the default layout. Only
		 * fields with few values may be labels: correlation, trace and span IDs are sent
		 * as structured metadata instead.
		 */
		private List<String> labels = new ArrayList<>(LokiLabels.DEFAULTS);

		/**
		 * The longest line Loki takes (its 'max_line_size'); a longer event is shipped with
		 * its longest values cut.
		 */
		private DataSize maxLineSize = DataSize.ofKilobytes(256);

		/**
		 * How pushes are written: 'json', or 'protobuf' compressed with snappy (smaller;
		 * needs com.github.loki4j:loki-protobuf and org.xerial.snappy:snappy-java on the
		 * classpath).
		 */
		private Format format = Format.JSON;

		public @Nullable String getTenant() {
			return this.tenant;
		}

		public void setTenant(@Nullable String tenant) {
			this.tenant = tenant;
		}

		public @Nullable String getBearerToken() {
			return this.bearerToken;
		}

		public void setBearerToken(@Nullable String bearerToken) {
			this.bearerToken = bearerToken;
		}

		public List<String> getLabels() {
			return this.labels;
		}

		public void setLabels(List<String> labels) {
			this.labels = labels;
		}

		public DataSize getMaxLineSize() {
			return this.maxLineSize;
		}

		public void setMaxLineSize(DataSize maxLineSize) {
			this.maxLineSize = maxLineSize;
		}

		public Format getFormat() {
			return this.format;
		}

		public void setFormat(Format format) {
			this.format = format;
		}

		/**
		 * How pushes to Loki are written.
		 */
		public enum Format {

			/** Loki's JSON push. */
			JSON,

			/** Loki's protobuf push, compressed with snappy. */
			PROTOBUF

		}

	}

	/**
	 * Shipping JSON lines over TCP, to Logstash's json_lines input or a syslog receiver.
	 */
	public static class Tcp extends Backend {

		/**
		 * Destinations as 'host:port', tried in order until one accepts a connection.
		 * Without them, nothing is shipped over TCP.
		 */
		private List<String> destinations = new ArrayList<>();

		/**
		 * Whether to speak TLS, trusting the JVM's trust store.
		 */
		private boolean tls;

		public List<String> getDestinations() {
			return this.destinations;
		}

		public void setDestinations(List<String> destinations) {
			this.destinations = destinations;
		}

		public boolean isTls() {
			return this.tls;
		}

		public void setTls(boolean tls) {
			this.tls = tls;
		}

		/**
		 * Return the destinations as addresses, resolved when connecting.
		 * @return the addresses
		 */
		public List<InetSocketAddress> addresses() {
			return this.destinations.stream().map(Tcp::address).toList();
		}

		static InetSocketAddress address(String destination) {
			int colon = destination.lastIndexOf(':');
			if (colon <= 0 || colon == destination.length() - 1) {
				throw new IllegalArgumentException("'" + destination + "' is not host:port");
			}
			int port = Integer.parseInt(destination.substring(colon + 1).trim());
			if (port < 1 || port > 65535) {
				throw new IllegalArgumentException("'" + destination + "' has no valid port");
			}
			String host = destination.substring(0, colon).trim();
			return InetSocketAddress.createUnresolved(host.startsWith("[") ? host.substring(1, host.length() - 1) : host,
					port);
		}

	}

	/**
	 * Shipping to an OpenTelemetry collector over OTLP/HTTP.
	 */
	public static class Otlp extends Backend {

		/**
		 * URL of the OTLP/HTTP logs endpoint, such as 'http://collector:4318/v1/logs'.
		 * Without it, Spring Boot's 'management.opentelemetry.logging.export.otlp.endpoint'
		 * is used when that is set; without either, nothing is shipped over OTLP.
		 */
		private @Nullable URI endpoint;

		/**
		 * Headers sent with every export, such as an authorization header. Without them,
		 * Spring Boot's 'management.opentelemetry.logging.export.otlp.headers' are sent
		 * when the endpoint is Spring Boot's too.
		 */
		private Map<String, String> headers = new LinkedHashMap<>();

		public @Nullable URI getEndpoint() {
			return this.endpoint;
		}

		public void setEndpoint(@Nullable URI endpoint) {
			this.endpoint = endpoint;
		}

		public Map<String, String> getHeaders() {
			return this.headers;
		}

		public void setHeaders(Map<String, String> headers) {
			this.headers = headers;
		}

	}

}
