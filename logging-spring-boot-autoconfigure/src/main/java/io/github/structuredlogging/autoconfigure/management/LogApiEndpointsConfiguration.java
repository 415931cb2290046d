package io.github.structuredlogging.autoconfigure.management;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import io.github.structuredlogging.alerting.Alerting;
import io.github.structuredlogging.api.LogStreams;
import io.github.structuredlogging.archive.LogArchive;
import io.github.structuredlogging.audit.AuditLogger;
import io.github.structuredlogging.audit.AuditTrail;
import io.github.structuredlogging.audit.AuditVerifier;
import io.github.structuredlogging.audit.ChainPosition;
import io.github.structuredlogging.autoconfigure.audit.AuditProperties;
import io.github.structuredlogging.debug.DebugSessions;
import io.github.structuredlogging.management.AuditRecords;
import io.github.structuredlogging.management.LogManagement;
import io.github.structuredlogging.management.TestEvents;
import io.github.structuredlogging.management.web.ConsoleController;
import io.github.structuredlogging.management.web.DebugSessionsController;
import io.github.structuredlogging.management.web.HeavyReads;
import io.github.structuredlogging.management.web.LiveTail;
import io.github.structuredlogging.management.web.LogApiAccess;
import io.github.structuredlogging.management.web.LogApiAccessInterceptor;
import io.github.structuredlogging.management.web.LogApiController;
import io.github.structuredlogging.management.web.LogApiExceptionHandler;
import io.github.structuredlogging.runtime.StructuredLoggingRuntime;
import io.github.structuredlogging.store.EventStore;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The log API's controller and collaborators, imported once access to it is decided.
 */
@Configuration(proxyBeanMethods = false)
class LogApiEndpointsConfiguration {

	private static final Duration WRITTEN_TIMEOUT = Duration.ofSeconds(5);

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBooleanProperty(name = "structured-logging.api.console.enabled", matchIfMissing = true)
	ConsoleController structuredLoggingConsoleController() {
		return new ConsoleController();
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(DebugSessions.class)
	DebugSessionsController structuredLoggingDebugSessionsController(DebugSessions sessions) {
		return new DebugSessionsController(sessions, Clock.systemUTC());
	}

	@Bean
	@ConditionalOnMissingBean
	LogApiController structuredLoggingApiController(StructuredLoggingRuntime runtime, LogManagement management,
			ObjectProvider<AuditProperties> audit, ObjectProvider<AuditLogger> auditLogger,
			ObjectProvider<AuditTrail> trail, ObjectProvider<TestEvents> testEvents,
			ObjectProvider<LiveTail> liveTail, HeavyReads heavyReads, ObjectProvider<Alerting> alerting,
			ObjectProvider<LogArchive> archive) {
		AuditLogger logger = auditLogger.getIfAvailable();
		return new LogApiController(management,
				auditRecords(runtime, audit.getIfAvailable(), logger, trail.getIfAvailable()), logger,
				testEvents.getIfAvailable(), liveTail.getIfAvailable(), heavyReads, alerting.getIfAvailable(),
				archive.getIfAvailable(), Clock.systemUTC());
	}

	// The audit records are read from the audit files, when the trail writes any.
	// Verification also checks that the files hold every record the trail has written.
	private static @Nullable AuditRecords auditRecords(StructuredLoggingRuntime runtime,
			@Nullable AuditProperties audit, @Nullable AuditLogger logger, @Nullable AuditTrail trail) {
		Path directory = runtime.directoryOf(LogStreams.AUDIT);
		if (audit == null || logger == null || directory == null) {
			return null;
		}
		return new AuditRecords(directory, new AuditVerifier(audit.getSigningKey()), () -> {
			if (trail == null) {
				return null;
			}
			ChainPosition written = trail.position();
			return runtime.flush(WRITTEN_TIMEOUT) ? written : null;
		});
	}

	// As many as the machine has cores, at least two.
	@Bean
	@ConditionalOnMissingBean
	HeavyReads structuredLoggingApiHeavyReads() {
		return new HeavyReads(Math.max(2, Runtime.getRuntime().availableProcessors()));
	}

	@Bean
	@ConditionalOnMissingBean
	LogApiExceptionHandler structuredLoggingApiExceptionHandler() {
		return new LogApiExceptionHandler();
	}

	@Bean
	WebMvcConfigurer structuredLoggingApiAccessConfigurer(LogApiAccess access, LogApiProperties properties) {
		LogApiAccessInterceptor interceptor = new LogApiAccessInterceptor(access);
		return new WebMvcConfigurer() {

			@Override
			public void addInterceptors(InterceptorRegistry registry) {
				registry.addInterceptor(interceptor)
					.addPathPatterns(properties.getBasePath(), properties.getBasePath() + "/**");
			}

		};
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(EventStore.class)
	TestEvents structuredLoggingTestEvents(EventStore store, ObjectProvider<AuditLogger> auditLogger) {
		return new TestEvents(store, auditLogger.getIfAvailable());
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(EventStore.class)
	LiveTail structuredLoggingLiveTail(EventStore store, LogApiProperties properties) {
		LogApiProperties.Stream stream = properties.getStream();
		return new LiveTail(store, new LiveTail.Settings(stream.getMaxSubscribers(), stream.getQueueCapacity(),
				stream.getTimeout(), stream.getHeartbeat()));
	}

}
