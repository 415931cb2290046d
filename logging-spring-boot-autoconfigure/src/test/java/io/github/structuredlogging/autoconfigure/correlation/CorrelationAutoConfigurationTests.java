package io.github.structuredlogging.autoconfigure.correlation;


import io.github.structuredlogging.api.CorrelationIdGenerator;
import io.github.structuredlogging.correlation.CorrelationIdClientInterceptor;
import io.github.structuredlogging.correlation.CorrelationIdExchangeFilter;
import io.github.structuredlogging.correlation.CorrelationIdFilter;
import io.github.structuredlogging.correlation.CorrelationTaskDecorator;
import io.github.structuredlogging.correlation.CurrentTraceId;
import io.micrometer.tracing.Tracer;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webclient.WebClientCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.test.util.ReflectionTestUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CorrelationAutoConfiguration}.
 */
class CorrelationAutoConfigurationTests {

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CorrelationAutoConfiguration.class));

	@Test
	void providesFilterGeneratorDecoratorAndClientPropagationByDefault() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(CorrelationIdGenerator.class)
				.hasSingleBean(CorrelationTaskDecorator.class)
				.hasSingleBean(CorrelationIdClientInterceptor.class)
				.hasSingleBean(CorrelationIdExchangeFilter.class)
				.hasSingleBean(RestClientCustomizer.class)
				.hasSingleBean(WebClientCustomizer.class);
			FilterRegistrationBean<?> registration = context.getBean(FilterRegistrationBean.class);
			assertThat(registration.getFilter()).isInstanceOf(CorrelationIdFilter.class);
			assertThat(registration.getOrder()).isEqualTo(CorrelationAutoConfiguration.FILTER_ORDER);
		});
	}

	@Test
	void backsOffWhenDisabled() {
		this.contextRunner.withPropertyValues("structured-logging.correlation.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(CorrelationIdGenerator.class)
				.doesNotHaveBean(FilterRegistrationBean.class));
	}

	@Test
	void usesTheApplicationsGenerator() {
		this.contextRunner.withUserConfiguration(UserGenerator.class).run((context) -> {
			assertThat(context.getBean(CorrelationIdGenerator.class).generate()).isEqualTo("order-0001");
			MockHttpServletResponse response = new MockHttpServletResponse();
			context.getBean(FilterRegistrationBean.class)
				.getFilter()
				.doFilter(new MockHttpServletRequest(), response, new MockFilterChain());
			assertThat(response.getHeader("X-Correlation-ID")).isEqualTo("order-0001");
		});
	}

	@Test
	void headerNamesComeFromProperties() {
		this.contextRunner
			.withPropertyValues("structured-logging.correlation.request-headers=X-Flow-Id",
					"structured-logging.correlation.response-header=X-Flow-Id")
			.run((context) -> {
				MockHttpServletRequest request = new MockHttpServletRequest();
				request.addHeader("X-Flow-Id", "flow-9");
				MockHttpServletResponse response = new MockHttpServletResponse();
				context.getBean(FilterRegistrationBean.class).getFilter().doFilter(request, response, new MockFilterChain());
				assertThat(response.getHeader("X-Flow-Id")).isEqualTo("flow-9");
			});
	}

	@Test
	void noFilterOutsideAWebApplication() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(CorrelationAutoConfiguration.class))
			.run((context) -> assertThat(context).hasSingleBean(CorrelationTaskDecorator.class)
				.doesNotHaveBean(FilterRegistrationBean.class));
	}

	@Test
	void clientPropagationCanBeTurnedOff() {
		this.contextRunner.withPropertyValues("structured-logging.correlation.propagate-to-clients=false")
			.run((context) -> assertThat(context).doesNotHaveBean(CorrelationIdClientInterceptor.class)
				.doesNotHaveBean(RestClientCustomizer.class));
	}

	@Test
	void taskPropagationCanBeTurnedOff() {
		this.contextRunner.withPropertyValues("structured-logging.correlation.propagate-to-tasks=false")
			.run((context) -> assertThat(context).doesNotHaveBean(CorrelationTaskDecorator.class));
	}

	@Test
	void worksWithoutWebClientOrTracing() {
		this.contextRunner
			.withClassLoader(new FilteredClassLoader(Tracer.class, WebClientCustomizer.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(CurrentTraceId.class)
				.doesNotHaveBean(WebClientCustomizer.class)
				.hasSingleBean(FilterRegistrationBean.class));
	}

	@Test
	void decoratesExecutorsTheApplicationBuildsItself() {
		this.contextRunner.withUserConfiguration(UserExecutors.class).run((context) -> {
			Object decorator = ReflectionTestUtils.getField(context.getBean("plain"), "taskDecorator");
			assertThat(decorator).isInstanceOf(CorrelationTaskDecorator.class);
			Object own = ReflectionTestUtils.getField(context.getBean("ownDecorator"), "taskDecorator");
			assertThat(own).isSameAs(UserExecutors.OWN);
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class UserGenerator {

		@Bean
		CorrelationIdGenerator orderNumbers() {
			return () -> "order-0001";
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserExecutors {

		static final org.springframework.core.task.TaskDecorator OWN = (task) -> task;

		@Bean
		ThreadPoolTaskExecutor plain() {
			return new ThreadPoolTaskExecutor();
		}

		@Bean
		ThreadPoolTaskExecutor ownDecorator() {
			ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
			executor.setTaskDecorator(OWN);
			return executor;
		}

	}


}
