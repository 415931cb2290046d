package io.github.structuredlogging.autoconfigure.logging;

import java.nio.file.Path;

import io.github.structuredlogging.json.JsonLayout;
import io.github.structuredlogging.json.ServiceIdentity;
import io.github.structuredlogging.logback.ConsoleFormat;
import io.github.structuredlogging.logback.DroppedEvents;
import io.github.structuredlogging.logback.DroppedEventsMeterBinder;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link StructuredLoggingAutoConfiguration}.
 */
class StructuredLoggingAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner().withInitializer(TestRuntimes.fromEnvironment())
		.withConfiguration(AutoConfigurations.of(StructuredLoggingAutoConfiguration.class));

	@TempDir
	Path logs;

	@Test
	void providesPropertiesIdentityAndDropCounterByDefault() {
		this.contextRunner.withPropertyValues("spring.application.name=orders").run((context) -> {
			assertThat(context).hasSingleBean(StructuredLoggingProperties.class)
				.hasSingleBean(ServiceIdentity.class)
				.hasSingleBean(DroppedEvents.class)
				.hasSingleBean(DroppedEventsMeterBinder.class);
			StructuredLoggingProperties properties = context.getBean(StructuredLoggingProperties.class);
			assertThat(properties.getConsole().getFormat()).isEqualTo(ConsoleFormat.JSON);
			assertThat(properties.getJson().getLayout()).isEqualTo(JsonLayout.DEFAULT);
			assertThat(properties.getFile().getAudit().getMaxHistory().toDays()).isEqualTo(365);
			assertThat(properties.getFile().getPerformance().getMaxFileSize()).isEqualTo(DataSize.ofMegabytes(200));
			ServiceIdentity identity = context.getBean(ServiceIdentity.class);
			assertThat(identity.name()).isEqualTo("orders");
			assertThat(identity.environment()).isEqualTo("default");
		});
	}

	@Test
	void backsOffWhenDisabled() {
		this.contextRunner.withPropertyValues("structured-logging.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(StructuredLoggingProperties.class)
				.doesNotHaveBean(ServiceIdentity.class)
				.doesNotHaveBean(DroppedEvents.class));
	}

	@Test
	void backsOffWhenUserDefinesTheBeans() {
		this.contextRunner.withUserConfiguration(UserBeans.class).run((context) -> {
			assertThat(context.getBean(ServiceIdentity.class)).isSameAs(UserBeans.IDENTITY);
			assertThat(context.getBean(DroppedEvents.class)).isSameAs(UserBeans.DROPPED);
			assertThat(context.getBean(DroppedEventsMeterBinder.class)).isSameAs(UserBeans.BINDER);
		});
	}

	@Test
	void leavesMetricsOutWithoutMicrometer() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(MeterRegistry.class))
			.run((context) -> assertThat(context).hasSingleBean(DroppedEvents.class)
				.doesNotHaveBean(DroppedEventsMeterBinder.class));
	}

	@Test
	void worksWithoutServletOrSpringMvc() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("jakarta.servlet", "org.springframework.web"))
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(ServiceIdentity.class));
	}

	@Test
	void propertiesReachTheIdentity() {
		this.contextRunner
			.withPropertyValues("spring.application.name=orders", "structured-logging.service-name=billing",
					"structured-logging.service-version=2.0.1", "structured-logging.environment=production")
			.run((context) -> assertThat(context.getBean(ServiceIdentity.class))
				.isEqualTo(new ServiceIdentity("billing", "2.0.1", "production",
						context.getBean(ServiceIdentity.class).hostName())));
	}

	@Test
	void activeProfilesAreTheEnvironmentWhenNoneIsSet() {
		this.contextRunner.withPropertyValues("spring.profiles.active=staging,eu")
			.run((context) -> assertThat(context.getBean(ServiceIdentity.class).environment()).isEqualTo("staging,eu"));
	}

	@Test
	void everyPropertyBinds() {
		this.contextRunner
			.withPropertyValues("structured-logging.console.enabled=false", "structured-logging.console.format=text",
					"structured-logging.json.layout=ecs", "structured-logging.json.stack-trace.root-cause-first=true",
					"structured-logging.json.stack-trace.max-depth-per-throwable=10",
					"structured-logging.json.stack-trace.max-length=2000",
					"structured-logging.json.stack-trace.excluded-frames=^sun\\.reflect",
					"structured-logging.file.directory=" + this.logs, "structured-logging.file.async.queue-size=512",
					"structured-logging.file.async.max-flush-time=3s",
					"structured-logging.file.error.enabled=false", "structured-logging.file.error.max-file-size=10MB",
					"structured-logging.file.error.max-history=7", "structured-logging.file.error.total-size-cap=1GB",
					"structured-logging.file.error.compress=false")
			.run((context) -> {
				StructuredLoggingProperties properties = context.getBean(StructuredLoggingProperties.class);
				assertThat(properties.getConsole().isEnabled()).isFalse();
				assertThat(properties.getConsole().getFormat()).isEqualTo(ConsoleFormat.TEXT);
				assertThat(properties.getJson().getLayout()).isEqualTo(JsonLayout.ECS);
				StructuredLoggingProperties.StackTrace stackTrace = properties.getJson().getStackTrace();
				assertThat(stackTrace.isRootCauseFirst()).isTrue();
				assertThat(stackTrace.getMaxDepthPerThrowable()).isEqualTo(10);
				assertThat(stackTrace.getMaxLength()).isEqualTo(2000);
				assertThat(stackTrace.getExcludedFrames()).containsExactly("^sun\\.reflect");
				StructuredLoggingProperties.File file = properties.getFile();
				assertThat(file.getDirectory()).isEqualTo(this.logs.toString());
				assertThat(file.getAsync().getQueueSize()).isEqualTo(512);
				assertThat(file.getAsync().getMaxFlushTime()).hasSeconds(3);
				assertThat(file.getError().isEnabled()).isFalse();
				assertThat(file.getError().getMaxFileSize()).isEqualTo(DataSize.ofMegabytes(10));
				assertThat(file.getError().getMaxHistory().toDays()).isEqualTo(7);
				assertThat(file.getError().getTotalSizeCap()).isEqualTo(DataSize.ofGigabytes(1));
				assertThat(file.getError().isCompress()).isFalse();
			});
	}

	@Test
	void badValueFailsNamingTheProperty() {
		this.contextRunner.withPropertyValues("structured-logging.file.async.queue-size=0").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure())
				.hasStackTraceContaining("file.async.queue-size")
				.hasStackTraceContaining("must be greater than 0");
		});
	}

	@Test
	void unknownLayoutFailsNamingTheProperty() {
		this.contextRunner.withPropertyValues("structured-logging.json.layout=xml").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure())
				.hasStackTraceContaining("Failed to bind properties under 'structured-logging.json.layout'");
		});
	}

	@Test
	void droppedEventsAreCountedInMicrometer() {
		this.contextRunner.run((context) -> {
			SimpleMeterRegistry registry = new SimpleMeterRegistry();
			context.getBean(DroppedEventsMeterBinder.class).bindTo(registry);
			assertThat(registry.get(DroppedEventsMeterBinder.METER_NAME).functionCounter().count()).isZero();
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class UserBeans {

		static final ServiceIdentity IDENTITY = new ServiceIdentity("custom", null, "test", "host");

		static final DroppedEvents DROPPED = new DroppedEvents();

		static final DroppedEventsMeterBinder BINDER = new DroppedEventsMeterBinder(DROPPED);

		@Bean
		ServiceIdentity serviceIdentity() {
			return IDENTITY;
		}

		@Bean
		DroppedEvents droppedEvents() {
			return DROPPED;
		}

		@Bean
		DroppedEventsMeterBinder droppedEventsMeterBinder() {
			return BINDER;
		}

	}

}
