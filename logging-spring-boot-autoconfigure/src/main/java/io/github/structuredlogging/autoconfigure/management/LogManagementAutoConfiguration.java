package io.github.structuredlogging.autoconfigure.management;

import java.nio.file.Path;
import java.time.Clock;

import ch.qos.logback.classic.LoggerContext;
import io.github.structuredlogging.api.Masker;
import io.github.structuredlogging.autoconfigure.audit.AuditAutoConfiguration;
import io.github.structuredlogging.autoconfigure.audit.AuditProperties;
import io.github.structuredlogging.autoconfigure.http.HttpLoggingAutoConfiguration;
import io.github.structuredlogging.autoconfigure.http.HttpLoggingProperties;
import io.github.structuredlogging.autoconfigure.logging.StructuredLoggingAutoConfiguration;
import io.github.structuredlogging.autoconfigure.logging.StructuredLoggingProperties;
import io.github.structuredlogging.autoconfigure.masking.MaskingAutoConfiguration;
import io.github.structuredlogging.autoconfigure.shipping.ShippingAutoConfiguration;
import io.github.structuredlogging.disk.DiskUsage;
import io.github.structuredlogging.http.RequestStatistics;
import io.github.structuredlogging.logback.DroppedEvents;
import io.github.structuredlogging.management.LogManagement;
import io.github.structuredlogging.management.LoggingHealth;
import io.github.structuredlogging.management.LoggingStatistics;
import io.github.structuredlogging.runtime.PipelineSettings;
import io.github.structuredlogging.runtime.StructuredLoggingRuntime;
import io.github.structuredlogging.shipping.Shipping;
import io.github.structuredlogging.store.EventStore;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.Assert;

/**
 * Auto-configuration of what the log API and the {@code logs} endpoint report: the event
 * store, the request aggregates, health, statistics and the effective configuration.
 */
@AutoConfiguration(after = { StructuredLoggingAutoConfiguration.class, MaskingAutoConfiguration.class,
		AuditAutoConfiguration.class, HttpLoggingAutoConfiguration.class, ShippingAutoConfiguration.class })
@ConditionalOnClass(LoggerContext.class)
@ConditionalOnBean(StructuredLoggingRuntime.class)
@EnableConfigurationProperties({ LogApiProperties.class, StructuredLoggingProperties.class })
public final class LogManagementAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBooleanProperty(name = "structured-logging.store.enabled", matchIfMissing = true)
	EventStore structuredLoggingEventStore(StructuredLoggingRuntime runtime) {
		EventStore store = runtime.store();
		Assert.state(store != null, "The structured logging runtime was built without an event store");
		return store;
	}

	@Bean
	@ConditionalOnMissingBean
	LogManagement structuredLoggingManagement(StructuredLoggingRuntime runtime, LogApiProperties api,
			DroppedEvents droppedEvents, ObjectProvider<EventStore> store, ObjectProvider<RequestStatistics> requests,
			ObjectProvider<HttpLoggingProperties> http, ObjectProvider<AuditProperties> audit,
			ObjectProvider<LoggingSystem> loggingSystem, ObjectProvider<Shipping> shipping,
			ObjectProvider<DiskUsage> diskUsage) {
		Clock clock = Clock.systemUTC();
		PipelineSettings pipeline = runtime.settings();
		Path directory = runtime.filesDirectory();
		EventStore events = store.getIfAvailable();
		LoggingHealth health = new LoggingHealth(directory,
				new LoggingHealth.DiskThresholds(api.getHealth().getDiskWarnPercent(),
						api.getHealth().getDiskCriticalPercent(), diskUsage.getIfAvailable(DiskUsage::fileSystem)),
				runtime.context(), droppedEvents, events, clock, shipping.getIfAvailable());
		LoggingStatistics statistics = (events != null) ? new LoggingStatistics(events, droppedEvents, directory,
				pipeline.streams(), clock, shipping.getIfAvailable()) : null;
		EffectiveConfiguration configuration = new EffectiveConfiguration(pipeline, http.getIfAvailable(),
				audit.getIfAvailable(), runtime.masker(), api, loggingSystem.getIfAvailable());
		return new LogManagement(events, health, statistics, requests.getIfAvailable(), configuration);
	}

	// The per-minute aggregates are kept in memory like the events: the store's switch
	// turns both off.
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.SERVLET)
	@ConditionalOnBooleanProperty(name = { "structured-logging.http.enabled", "structured-logging.store.enabled" },
			matchIfMissing = true)
	static class RequestStatisticsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		RequestStatistics structuredLoggingRequestStatistics(StructuredLoggingProperties properties,
				ObjectProvider<Masker> masker) {
			return new RequestStatistics(properties.getStore().getAggregateRetention(), Clock.systemUTC(),
					masker.getIfAvailable());
		}

	}

}
