package io.github.structuredlogging.autoconfigure.http;

import javax.sql.DataSource;

import io.github.structuredlogging.http.DataSourceProxyPostProcessor;
import io.github.structuredlogging.http.MicrometerRequestPerformanceListener;
import io.github.structuredlogging.http.PerformanceLineWriter;
import io.github.structuredlogging.http.RequestPerformanceFilter;
import io.github.structuredlogging.http.SecurityContextUserNameResolver;
import io.github.structuredlogging.http.UserNameResolver;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link HttpLoggingAutoConfiguration}.
 */
class HttpLoggingAutoConfigurationTests {

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(HttpLoggingAutoConfiguration.class));

	@Test
	void providesFilterWriterAndSecurityAwareUserNamesByDefault() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(PerformanceLineWriter.class)
				.hasSingleBean(DataSourceProxyPostProcessor.class)
				.doesNotHaveBean(MicrometerRequestPerformanceListener.class);
			assertThat(context.getBean(UserNameResolver.class)).isInstanceOf(SecurityContextUserNameResolver.class);
			FilterRegistrationBean<?> registration = context.getBean(FilterRegistrationBean.class);
			assertThat(registration.getFilter()).isInstanceOf(RequestPerformanceFilter.class);
			assertThat(registration.getOrder()).isEqualTo(HttpLoggingAutoConfiguration.FILTER_ORDER);
		});
	}

	@Test
	void countsByTierWhenAMeterRegistryExists() {
		this.contextRunner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
			.run((context) -> assertThat(context).hasSingleBean(MicrometerRequestPerformanceListener.class));
	}

	@Test
	void backsOffWhenDisabledOrNotAServletApplication() {
		this.contextRunner.withPropertyValues("structured-logging.http.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(PerformanceLineWriter.class));
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(HttpLoggingAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(PerformanceLineWriter.class));
	}

	@Test
	void backsOffWhenTheApplicationDefinesTheBeans() {
		this.contextRunner.withUserConfiguration(UserBeans.class).run((context) -> {
			assertThat(context.getBean(UserNameResolver.class)).isSameAs(UserBeans.NAMES);
		});
	}

	@Test
	void usesTheServletPrincipalWithoutSpringSecurity() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(RequestAttributeSecurityContextRepository.class))
			.run((context) -> assertThat(context.getBean(UserNameResolver.class)).isSameAs(UserNameResolver.SERVLET));
	}

	@Test
	void databaseMetricsCanBeTurnedOffOrAreAbsentWithoutDatasourceProxy() {
		this.contextRunner.withPropertyValues("structured-logging.http.include-database-metrics=false")
			.run((context) -> assertThat(context).doesNotHaveBean(DataSourceProxyPostProcessor.class));
		this.contextRunner.withClassLoader(new FilteredClassLoader(ProxyDataSourceBuilder.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(DataSourceProxyPostProcessor.class));
	}

	@Test
	void countsDatabaseStatementsOnlyWhenADataSourceExists() {
		this.contextRunner.run((context) -> assertThat(databaseMetrics(context)).isFalse());
		this.contextRunner.withBean(DataSource.class, () -> new org.h2.jdbcx.JdbcDataSource())
			.run((context) -> assertThat(databaseMetrics(context)).isTrue());
		this.contextRunner.withBean(DataSource.class, () -> new org.h2.jdbcx.JdbcDataSource())
			.withPropertyValues("structured-logging.http.include-database-metrics=false")
			.run((context) -> assertThat(databaseMetrics(context)).isFalse());
	}

	private static boolean databaseMetrics(org.springframework.context.ApplicationContext context) {
		Object filter = context.getBean(FilterRegistrationBean.class).getFilter();
		return (boolean) org.springframework.test.util.ReflectionTestUtils.getField(filter, "databaseMetrics");
	}

	@Test
	void thresholdsThatDecreaseFailNamingTheProperty() {
		this.contextRunner
			.withPropertyValues("structured-logging.http.slow-threshold=50ms",
					"structured-logging.http.normal-threshold=100ms")
			.run((context) -> assertThat(context.getStartupFailure())
				.hasStackTraceContaining("structured-logging.http.slow-threshold"));
	}

	@Test
	void badValuesFailWhenBoundNamingTheProperty() {
		this.contextRunner.withPropertyValues("structured-logging.http.normal-threshold=-1ms")
			.run((context) -> assertThat(context.getStartupFailure())
				.hasStackTraceContaining("Failed to bind properties under 'structured-logging.http'")
				.hasStackTraceContaining("normal-threshold")
				.hasStackTraceContaining("must not be negative"));
		this.contextRunner.withPropertyValues("structured-logging.http.body.max-size=3GB")
			.run((context) -> assertThat(context.getStartupFailure())
				.hasStackTraceContaining("body.max-size")
				.hasStackTraceContaining("must be between 0 and 2GB"));
	}

	@Configuration(proxyBeanMethods = false)
	static class UserBeans {

		static final UserNameResolver NAMES = (request) -> "fixed";

		@Bean
		UserNameResolver userNameResolver() {
			return NAMES;
		}

	}

}
