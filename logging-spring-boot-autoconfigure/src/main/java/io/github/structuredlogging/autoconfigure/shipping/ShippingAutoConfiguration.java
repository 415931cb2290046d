package io.github.structuredlogging.autoconfigure.shipping;

import java.net.URI;
import java.time.Clock;
import java.util.Map;

import io.github.structuredlogging.autoconfigure.logging.StructuredLoggingAutoConfiguration;
import io.github.structuredlogging.autoconfigure.masking.MaskingAutoConfiguration;
import io.github.structuredlogging.json.ServiceIdentity;
import io.github.structuredlogging.runtime.StructuredLoggingRuntime;
import io.github.structuredlogging.shipping.DeliverySettings;
import io.github.structuredlogging.shipping.HttpBackend;
import io.github.structuredlogging.shipping.Shipper;
import io.github.structuredlogging.shipping.Shipping;
import io.github.structuredlogging.shipping.elasticsearch.ElasticsearchShipper;
import io.github.structuredlogging.shipping.elasticsearch.IndexNaming;
import io.github.structuredlogging.shipping.loki.LokiFormat;
import io.github.structuredlogging.shipping.loki.LokiJsonFormat;
import io.github.structuredlogging.shipping.loki.LokiLabels;
import io.github.structuredlogging.shipping.loki.LokiProtobufFormat;
import io.github.structuredlogging.shipping.loki.LokiShipper;
import io.github.structuredlogging.shipping.otlp.OtlpShipper;
import io.github.structuredlogging.shipping.tcp.TcpShipper;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.exporter.otlp.http.logs.OtlpHttpLogRecordExporter;
import io.opentelemetry.exporter.otlp.http.logs.OtlpHttpLogRecordExporterBuilder;
import io.opentelemetry.sdk.resources.Resource;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.Assert;

/**
 * Auto-configuration of shipping: a shipper for each backend whose address is set, and
 * the {@link Shipping} that runs them from the {@code application} stream file.
 */
@AutoConfiguration(after = { StructuredLoggingAutoConfiguration.class, MaskingAutoConfiguration.class })
@ConditionalOnBean(StructuredLoggingRuntime.class)
@EnableConfigurationProperties(ShippingProperties.class)
public final class ShippingAutoConfiguration {

	/** Spring Boot's properties of its own OTLP log export, used when the starter's are not set. */
	static final String BOOT_OTLP_LOGGING = "management.opentelemetry.logging.export.otlp";

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(Shipper.class)
	Shipping structuredLoggingShipping(ObjectProvider<Shipper> shippers, ShippingProperties properties,
			StructuredLoggingRuntime runtime) {
		Shipping shipping = new Shipping(runtime, properties.getDrainTimeout(), properties.getMaxLag(),
				properties.getQueueSize(), Clock.systemUTC());
		Map<String, ShippingProperties.Backend> backends = Map.of("elasticsearch", properties.getElasticsearch(),
				"loki", properties.getLoki(), "tcp", properties.getTcp(), "otlp", properties.getOtlp());
		shippers.orderedStream().forEach((shipper) -> shipping.add(shipper,
				settings(backends.getOrDefault(shipper.name(), new ShippingProperties.Backend()))));
		return shipping;
	}

	// Only called once the backend's URL condition matched.
	private static HttpBackend httpBackend(ShippingProperties.HttpApi api, @Nullable String bearerToken,
			@Nullable String apiKey, Map<String, String> headers) {
		URI url = api.getUrl();
		Assert.state(url != null, "The backend's url is set");
		return new HttpBackend(url, new HttpBackend.Credentials(api.getUsername(), api.getPassword(), bearerToken, apiKey),
				headers, api.getTimeout());
	}

	/**
	 * Return the Elasticsearch/OpenSearch cluster the shipping properties name, also read
	 * by the fleet view.
	 * @param properties the shipping properties, with the cluster's URL set
	 * @return the cluster, with its credentials
	 */
	public static HttpBackend elasticsearchBackend(ShippingProperties properties) {
		ShippingProperties.Elasticsearch elasticsearch = properties.getElasticsearch();
		return httpBackend(elasticsearch, null, elasticsearch.getApiKey(), Map.of());
	}

	/**
	 * Return where the Elasticsearch shipper writes this service's events.
	 * @param properties the shipping properties
	 * @param runtime the logging runtime, for the service and environment
	 * @return the naming
	 */
	public static IndexNaming indexNaming(ShippingProperties properties, StructuredLoggingRuntime runtime) {
		ServiceIdentity service = runtime.settings().service();
		return IndexNaming.of(service.name(), service.environment(), properties.getElasticsearch().isDataStreams());
	}

	private static DeliverySettings settings(ShippingProperties.Backend backend) {
		return new DeliverySettings(backend.getBatchSize(), backend.getBatchTimeout(), backend.getFirstBackoff(),
				backend.getMaxBackoff());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty("structured-logging.shipping.elasticsearch.url")
	@ConditionalOnBooleanProperty(name = "structured-logging.shipping.elasticsearch.enabled", matchIfMissing = true)
	static class ElasticsearchConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ElasticsearchShipper elasticsearchShipper(ShippingProperties properties, StructuredLoggingRuntime runtime) {
			ShippingProperties.Elasticsearch elasticsearch = properties.getElasticsearch();
			return new ElasticsearchShipper(elasticsearchBackend(properties), indexNaming(properties, runtime),
					runtime.settings().layout(), elasticsearch.isApplyTemplate());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty("structured-logging.shipping.loki.url")
	@ConditionalOnBooleanProperty(name = "structured-logging.shipping.loki.enabled", matchIfMissing = true)
	static class LokiConfiguration {

		@Bean
		@ConditionalOnMissingBean
		LokiShipper lokiShipper(ShippingProperties properties) {
			ShippingProperties.Loki loki = properties.getLoki();
			Map<String, String> headers = (loki.getTenant() != null) ? Map.of("X-Scope-OrgID", loki.getTenant())
					: Map.of();
			HttpBackend backend = httpBackend(loki, loki.getBearerToken(), null, headers);
			LokiFormat format = (loki.getFormat() == ShippingProperties.Loki.Format.PROTOBUF) ? new LokiProtobufFormat()
					: new LokiJsonFormat();
			return new LokiShipper(backend, LokiLabels.of(loki.getLabels()), format,
					(int) loki.getMaxLineSize().toBytes());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@Conditional(TcpDestinationsCondition.class)
	@ConditionalOnBooleanProperty(name = "structured-logging.shipping.tcp.enabled", matchIfMissing = true)
	static class TcpConfiguration {

		@Bean
		@ConditionalOnMissingBean
		TcpShipper tcpShipper(ShippingProperties properties) {
			ShippingProperties.Tcp tcp = properties.getTcp();
			return new TcpShipper(tcp.addresses(), tcp.isTls(), tcp.getTimeout());
		}

	}

	// The destinations are a list: bound as destinations[0], ..., which a property
	// condition on one name does not see.
	static class TcpDestinationsCondition extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			boolean set = Binder.get(context.getEnvironment())
				.bind("structured-logging.shipping.tcp.destinations", Bindable.listOf(String.class))
				.map((destinations) -> !destinations.isEmpty())
				.orElse(false);
			return set ? ConditionOutcome.match("structured-logging.shipping.tcp.destinations is set")
					: ConditionOutcome.noMatch("structured-logging.shipping.tcp.destinations is not set");
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "io.opentelemetry.exporter.otlp.http.logs.OtlpHttpLogRecordExporter")
	@Conditional(OtlpEndpointCondition.class)
	@ConditionalOnBooleanProperty(name = "structured-logging.shipping.otlp.enabled", matchIfMissing = true)
	static class OtlpConfiguration {

		@Bean
		@ConditionalOnMissingBean
		OtlpShipper otlpShipper(ShippingProperties properties, StructuredLoggingRuntime runtime,
				Environment environment) {
			ShippingProperties.Otlp otlp = properties.getOtlp();
			Binder binder = Binder.get(environment);
			String endpoint = (otlp.getEndpoint() != null) ? otlp.getEndpoint().toString()
					: binder.bind(BOOT_OTLP_LOGGING + ".endpoint", String.class).get();
			Map<String, String> headers = (otlp.getEndpoint() != null || !otlp.getHeaders().isEmpty())
					? otlp.getHeaders()
					: binder.bind(BOOT_OTLP_LOGGING + ".headers", Bindable.mapOf(String.class, String.class))
						.orElse(Map.of());
			OtlpHttpLogRecordExporterBuilder exporter = OtlpHttpLogRecordExporter.builder()
				.setEndpoint(endpoint)
				.setTimeout(otlp.getTimeout())
				// The delivery retries, keeping the batch: the exporter must not as well.
				.setRetryPolicy(null);
			headers.forEach(exporter::addHeader);
			ServiceIdentity service = runtime.settings().service();
			AttributesBuilder resource = Attributes.builder()
				.put("service.name", service.name())
				.put("deployment.environment", service.environment())
				.put("deployment.environment.name", service.environment())
				.put("host.name", service.hostName())
				.put("service.instance.id", service.instanceId());
			if (service.version() != null) {
				resource.put("service.version", service.version());
			}
			return new OtlpShipper(exporter.build(), Resource.create(resource.build()), otlp.getTimeout());
		}

	}

	// Ours, or Spring Boot's OTLP logging endpoint.
	static class OtlpEndpointCondition extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			Binder binder = Binder.get(context.getEnvironment());
			boolean set = binder.bind("structured-logging.shipping.otlp.endpoint", String.class).isBound()
					|| binder.bind(BOOT_OTLP_LOGGING + ".endpoint", String.class).isBound();
			return set ? ConditionOutcome.match("an OTLP logs endpoint is set")
					: ConditionOutcome.noMatch("neither structured-logging.shipping.otlp.endpoint nor "
							+ BOOT_OTLP_LOGGING + ".endpoint is set");
		}

	}

}
