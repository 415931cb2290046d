package io.github.structuredlogging.autoconfigure.http;


import javax.sql.DataSource;

import io.github.structuredlogging.api.Masker;
import io.github.structuredlogging.autoconfigure.correlation.CorrelationAutoConfiguration;
import io.github.structuredlogging.http.DataSourceProxyPostProcessor;
import io.github.structuredlogging.http.MicrometerRequestPerformanceListener;
import io.github.structuredlogging.http.PerformanceLineWriter;
import io.github.structuredlogging.http.PerformanceTiers;
import io.github.structuredlogging.http.RequestPerformanceFilter;
import io.github.structuredlogging.http.RequestPerformanceListener;
import io.github.structuredlogging.http.SecurityContextUserNameResolver;
import io.github.structuredlogging.http.UserNameResolver;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.DispatcherType;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingFilterBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;

/**
 * Auto-configuration of the performance line: one line per HTTP request in the
 * {@code performance} stream.
 */
@AutoConfiguration(after = CorrelationAutoConfiguration.class, afterName = {
		"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration" })
@ConditionalOnWebApplication(type = Type.SERVLET)
@ConditionalOnBooleanProperty(name = "structured-logging.http.enabled", matchIfMissing = true)
@EnableConfigurationProperties(HttpLoggingProperties.class)
public final class HttpLoggingAutoConfiguration {

	/**
	 * Order of the performance filter: just inside the correlation filter, so the line
	 * carries the correlation ID, and outside Spring Security, so the line times it too.
	 */
	public static final int FILTER_ORDER = CorrelationAutoConfiguration.FILTER_ORDER + 1;

	@Bean
	@ConditionalOnMissingBean
	PerformanceLineWriter performanceLineWriter(HttpLoggingProperties properties,
			ObjectProvider<RequestPerformanceListener> listeners) {
		return new PerformanceLineWriter(tiers(properties), properties.isSlowOnly(), listeners.orderedStream().toList());
	}

	@Bean
	@ConditionalOnMissingBean
	UserNameResolver userNameResolver() {
		return UserNameResolver.SERVLET;
	}

	@Bean
	@ConditionalOnMissingFilterBean(RequestPerformanceFilter.class)
	FilterRegistrationBean<RequestPerformanceFilter> requestPerformanceFilter(HttpLoggingProperties properties,
			PerformanceLineWriter writer, UserNameResolver userNames, ListableBeanFactory beanFactory,
			ObjectProvider<Masker> masker) {
		// Without a DataSource there is nothing to count: no fields, no work per request.
		boolean databaseMetrics = properties.isIncludeDatabaseMetrics()
				&& beanFactory.getBeanNamesForType(DataSource.class, false, false).length > 0;
		RequestPerformanceFilter filter = new RequestPerformanceFilter(writer, properties.getExcludePatterns(),
				userNames, databaseMetrics, properties.isIncludeMemoryMetrics(),
				bodyLimit(properties.getBody()), masker.getIfAvailable());
		FilterRegistrationBean<RequestPerformanceFilter> registration = new FilterRegistrationBean<>(filter);
		registration.setOrder(FILTER_ORDER);
		// Asynchronous requests are written when they complete; error dispatches never.
		registration.setDispatcherTypes(DispatcherType.REQUEST);
		return registration;
	}

	private static int bodyLimit(HttpLoggingProperties.Body body) {
		return body.isEnabled() ? (int) body.getMaxSize().toBytes() : -1;
	}

	private static PerformanceTiers tiers(HttpLoggingProperties properties) {
		return new PerformanceTiers(properties.getNormalThreshold(), properties.getSlowThreshold(),
				properties.getVerySlowThreshold());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(RequestAttributeSecurityContextRepository.class)
	static class SecurityConfiguration {

		@Bean
		@ConditionalOnMissingBean
		UserNameResolver securityContextUserNameResolver() {
			return new SecurityContextUserNameResolver();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterRegistry.class)
	@ConditionalOnBean(MeterRegistry.class)
	static class MetricsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		MicrometerRequestPerformanceListener micrometerRequestPerformanceListener(MeterRegistry registry) {
			return new MicrometerRequestPerformanceListener(registry);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ DataSource.class, ProxyDataSourceBuilder.class })
	@ConditionalOnBooleanProperty(name = "structured-logging.http.include-database-metrics", matchIfMissing = true)
	static class DatabaseConfiguration {

		@Bean
		@ConditionalOnMissingBean
		static DataSourceProxyPostProcessor dataSourceProxyPostProcessor() {
			return new DataSourceProxyPostProcessor();
		}

	}

}
