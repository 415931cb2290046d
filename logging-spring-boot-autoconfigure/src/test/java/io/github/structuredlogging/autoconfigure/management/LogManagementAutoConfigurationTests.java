package io.github.structuredlogging.autoconfigure.management;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import ch.qos.logback.classic.LoggerContext;
import io.github.structuredlogging.autoconfigure.logging.StructuredLoggingAutoConfiguration;
import io.github.structuredlogging.autoconfigure.logging.TestRuntimes;
import io.github.structuredlogging.http.RequestStatistics;
import io.github.structuredlogging.logback.DroppedEvents;
import io.github.structuredlogging.management.LogManagement;
import io.github.structuredlogging.management.LoggingHealth;
import io.github.structuredlogging.store.EventStore;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LogManagementAutoConfiguration}.
 */
class LogManagementAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner().withInitializer(TestRuntimes.fromEnvironment()).withConfiguration(
			AutoConfigurations.of(StructuredLoggingAutoConfiguration.class, LogManagementAutoConfiguration.class));

	private final WebApplicationContextRunner webContextRunner = new WebApplicationContextRunner()
		.withInitializer(TestRuntimes.fromEnvironment())
		.withConfiguration(
				AutoConfigurations.of(StructuredLoggingAutoConfiguration.class, LogManagementAutoConfiguration.class));

	@Test
	void providesStoreAndOperationsByDefault() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(EventStore.class)
				.hasSingleBean(LogManagement.class)
				.doesNotHaveBean(RequestStatistics.class);
			assertThat(context.getBean(EventStore.class).capacity()).isEqualTo(10_000);
		});
	}

	@Test
	void collectsRequestStatisticsInServletApplications() {
		this.webContextRunner.withPropertyValues("structured-logging.store.aggregate-retention=2h")
			.run((context) -> assertThat(context.getBean(RequestStatistics.class).retention())
				.isEqualTo(Duration.ofHours(2)));
	}

	@Test
	void requestStatisticsAreLeftOutWithTheStore() {
		this.webContextRunner.withPropertyValues("structured-logging.store.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(RequestStatistics.class));
	}

	@Test
	void storeIsLeftOutWhenDisabledAndTheOperationsSaySo() {
		this.contextRunner.withPropertyValues("structured-logging.store.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(EventStore.class).hasSingleBean(LogManagement.class);
			assertThat(context.getBean(LogManagement.class).store()).isNull();
		});
	}

	@Test
	void backsOffToTheApplicationsBeans() {
		this.contextRunner.withUserConfiguration(UserBeans.class).run((context) -> {
			assertThat(context.getBean(EventStore.class)).isSameAs(UserBeans.STORE);
			assertThat(context.getBean(LogManagement.class)).isSameAs(UserBeans.MANAGEMENT);
		});
	}

	@Test
	void nothingWhenStructuredLoggingIsOff() {
		this.contextRunner.withPropertyValues("structured-logging.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(LogManagement.class).doesNotHaveBean(EventStore.class));
	}

	@Test
	void badValuesFailNamingTheProperty() {
		this.contextRunner.withPropertyValues("structured-logging.api.health.disk-warn-percent=90")
			.run((context) -> assertThat(context.getStartupFailure())
				.hasStackTraceContaining("structured-logging.api.health.disk-warn-percent"));
		this.contextRunner.withPropertyValues("structured-logging.api.base-path=logs/")
			.run((context) -> assertThat(context.getStartupFailure())
				.hasStackTraceContaining("structured-logging.api.base-path"));
		this.contextRunner.withPropertyValues("structured-logging.store.capacity=0")
			.run((context) -> assertThat(context.getStartupFailure())
				.hasStackTraceContaining("structured-logging.store.capacity"));
	}

	@Configuration(proxyBeanMethods = false)
	static class UserBeans {

		static final EventStore STORE = new EventStore(5);

		static final LogManagement MANAGEMENT = new LogManagement(STORE,
				new LoggingHealth(null, new LoggingHealth.DiskThresholds(75, 85),
						new LoggerContext(), new DroppedEvents(),
						STORE, Clock.systemUTC(), null),
				null, null, Map::of);

		@Bean
		EventStore eventStore() {
			return STORE;
		}

		@Bean
		LogManagement logManagement() {
			return MANAGEMENT;
		}

	}

}
