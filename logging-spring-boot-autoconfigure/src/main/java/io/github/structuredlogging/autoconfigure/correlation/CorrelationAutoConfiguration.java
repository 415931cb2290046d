package io.github.structuredlogging.autoconfigure.correlation;

import io.github.structuredlogging.api.CorrelationIdGenerator;
import io.github.structuredlogging.correlation.CorrelationIdClientInterceptor;
import io.github.structuredlogging.correlation.CorrelationIdExchangeFilter;
import io.github.structuredlogging.correlation.CorrelationIdFilter;
import io.github.structuredlogging.correlation.CorrelationTaskDecorator;
import io.github.structuredlogging.correlation.CurrentTraceId;
import io.github.structuredlogging.correlation.ExecutorDecoratingPostProcessor;
import io.github.structuredlogging.correlation.MicrometerCurrentTraceId;
import io.micrometer.tracing.Tracer;
import jakarta.servlet.DispatcherType;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingFilterBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.boot.restclient.RestTemplateCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webclient.WebClientCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Auto-configuration of correlation IDs: the request filter, and their propagation to
 * tasks and outgoing calls.
 */
@AutoConfiguration(afterName = {
		"org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration",
		"org.springframework.boot.micrometer.tracing.autoconfigure.NoopTracerAutoConfiguration" })
@ConditionalOnBooleanProperty(name = "structured-logging.correlation.enabled", matchIfMissing = true)
@EnableConfigurationProperties(CorrelationProperties.class)
public final class CorrelationAutoConfiguration {

	/**
	 * Order of the correlation filter: after Spring Boot's observation filter
	 * ({@code HIGHEST_PRECEDENCE + 1}), so the trace is already open, and before Spring
	 * Security's filter chain ({@code -100}), so that 401 and 403 responses carry the ID.
	 */
	public static final int FILTER_ORDER = Ordered.HIGHEST_PRECEDENCE + 2;

	@Bean
	@ConditionalOnMissingBean
	CorrelationIdGenerator correlationIdGenerator() {
		return CorrelationIdGenerator.randomUuids();
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.SERVLET)
	static class ServletConfiguration {

		@Bean
		@ConditionalOnMissingFilterBean(CorrelationIdFilter.class)
		FilterRegistrationBean<CorrelationIdFilter> correlationIdFilter(CorrelationProperties properties,
				CorrelationIdGenerator generator, ObjectProvider<CurrentTraceId> traceId) {
			String traceHeader = properties.isTraceIdResponseHeaderEnabled() ? properties.getTraceIdResponseHeader()
					: null;
			CorrelationIdFilter filter = new CorrelationIdFilter(properties.getRequestHeaders(),
					properties.getResponseHeader(), traceHeader, traceId.getIfAvailable(() -> CurrentTraceId.NONE),
					generator);
			FilterRegistrationBean<CorrelationIdFilter> registration = new FilterRegistrationBean<>(filter);
			registration.setOrder(FILTER_ORDER);
			registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR);
			return registration;
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(Tracer.class)
	static class TracingConfiguration {

		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnBean(Tracer.class)
		CurrentTraceId currentTraceId(Tracer tracer) {
			return new MicrometerCurrentTraceId(tracer);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty(name = "structured-logging.correlation.propagate-to-tasks", matchIfMissing = true)
	static class TaskConfiguration {

		@Bean
		@ConditionalOnMissingBean
		CorrelationTaskDecorator correlationTaskDecorator(CorrelationIdGenerator generator) {
			return new CorrelationTaskDecorator(generator);
		}

		@Bean
		static ExecutorDecoratingPostProcessor correlationExecutorDecoratingPostProcessor(
				ObjectProvider<CorrelationTaskDecorator> decorator) {
			return new ExecutorDecoratingPostProcessor(decorator::getObject);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty(name = "structured-logging.correlation.propagate-to-clients", matchIfMissing = true)
	static class ClientConfiguration {

		@Configuration(proxyBeanMethods = false)
		@ConditionalOnClass(RestClientCustomizer.class)
		static class RestClientConfiguration {

			@Bean
			@ConditionalOnMissingBean
			CorrelationIdClientInterceptor correlationIdClientInterceptor(CorrelationProperties properties) {
				return new CorrelationIdClientInterceptor(properties.getOutboundHeader());
			}

			@Bean
			RestClientCustomizer correlationIdRestClientCustomizer(CorrelationIdClientInterceptor interceptor) {
				return (builder) -> builder.requestInterceptor(interceptor);
			}

			@Bean
			RestTemplateCustomizer correlationIdRestTemplateCustomizer(CorrelationIdClientInterceptor interceptor) {
				return (restTemplate) -> restTemplate.getInterceptors().add(interceptor);
			}

		}

		@Configuration(proxyBeanMethods = false)
		@ConditionalOnClass({ WebClient.class, WebClientCustomizer.class })
		static class WebClientConfiguration {

			@Bean
			@ConditionalOnMissingBean
			CorrelationIdExchangeFilter correlationIdExchangeFilter(CorrelationProperties properties) {
				return new CorrelationIdExchangeFilter(properties.getOutboundHeader());
			}

			@Bean
			WebClientCustomizer correlationIdWebClientCustomizer(CorrelationIdExchangeFilter filter) {
				return (builder) -> builder.filter(filter);
			}

		}

	}

}
