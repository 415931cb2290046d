package io.github.structuredlogging.autoconfigure.management;

import java.nio.file.Path;
import java.time.Clock;

import io.github.structuredlogging.api.LogStreams;
import io.github.structuredlogging.audit.AuditLogger;
import io.github.structuredlogging.audit.AuditVerifier;
import io.github.structuredlogging.autoconfigure.audit.AuditProperties;
import io.github.structuredlogging.logback.PipelineSettings;
import io.github.structuredlogging.management.AuditRecords;
import io.github.structuredlogging.management.LogManagement;
import io.github.structuredlogging.management.TestEvents;
import io.github.structuredlogging.management.web.ApiKeyAccess;
import io.github.structuredlogging.management.web.AuthorityAccess;
import io.github.structuredlogging.management.web.LiveTail;
import io.github.structuredlogging.management.web.LogApiAccess;
import io.github.structuredlogging.management.web.LogApiAccessInterceptor;
import io.github.structuredlogging.management.web.LogApiController;
import io.github.structuredlogging.management.web.LogApiExceptionHandler;
import io.github.structuredlogging.store.EventStore;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.CsrfConfigurer;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Auto-configuration of the log API at {@code structured-logging.api.base-path}. With
 * Spring Security it serves users holding {@code structured-logging.api.authority};
 * without, it is off unless enabled with an API key.
 */
@AutoConfiguration(after = LogManagementAutoConfiguration.class)
@ConditionalOnWebApplication(type = Type.SERVLET)
@ConditionalOnClass(DispatcherServlet.class)
@ConditionalOnBean(LogManagement.class)
public final class LogApiAutoConfiguration {

	private static final String SECURITY_CONTEXT = "org.springframework.security.core.context.SecurityContextHolder";

	private static final String HTTP_SECURITY = "org.springframework.security.config.annotation.web.builders.HttpSecurity";

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = SECURITY_CONTEXT)
	@ConditionalOnBooleanProperty(name = "structured-logging.api.enabled", matchIfMissing = true)
	@Import(LogApiEndpointsConfiguration.class)
	static class SecuredByAuthorityConfiguration {

		@Bean
		@ConditionalOnMissingBean
		LogApiAccess structuredLoggingApiAccess(LogApiProperties properties) {
			return new AuthorityAccess(properties.getAuthority());
		}

		@Configuration(proxyBeanMethods = false)
		@ConditionalOnClass(name = HTTP_SECURITY)
		static class CsrfConfiguration {

			// POST /test only writes test events; clients authenticating per request (basic,
			// bearer) cannot send a CSRF token, so it is exempt.
			@Bean
			Customizer<CsrfConfigurer<HttpSecurity>> structuredLoggingApiCsrfCustomizer(LogApiProperties properties) {
				return (csrf) -> csrf.ignoringRequestMatchers(PathPatternRequestMatcher.withDefaults()
					.matcher(HttpMethod.POST, properties.getBasePath() + "/test"));
			}

		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingClass(SECURITY_CONTEXT)
	@ConditionalOnBooleanProperty(name = "structured-logging.api.enabled")
	@Import(LogApiEndpointsConfiguration.class)
	static class SecuredByKeyConfiguration {

		@Bean
		@ConditionalOnMissingBean
		LogApiAccess structuredLoggingApiAccess(LogApiProperties properties) {
			String key = properties.getKey();
			if (key == null || key.isBlank()) {
				throw new InvalidConfigurationPropertyValueException("structured-logging.api.key", null,
						"Without Spring Security the log API needs a key of at least 16 characters");
			}
			return new ApiKeyAccess(key);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class LogApiEndpointsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		LogApiController structuredLoggingApiController(LogManagement management,
				ObjectProvider<AuditProperties> audit, ObjectProvider<AuditLogger> auditLogger,
				ObjectProvider<TestEvents> testEvents, ObjectProvider<LiveTail> liveTail) {
			AuditLogger logger = auditLogger.getIfAvailable();
			return new LogApiController(management, auditRecords(audit.getIfAvailable(), logger), logger,
					testEvents.getIfAvailable(), liveTail.getIfAvailable(), Clock.systemUTC());
		}

		// The audit records are read from the audit files, when the trail writes any.
		private static @Nullable AuditRecords auditRecords(@Nullable AuditProperties audit,
				@Nullable AuditLogger logger) {
			PipelineSettings pipeline = Pipelines.settings();
			Path directory = (pipeline != null) ? pipeline.filesDirectory() : null;
			if (audit == null || logger == null || directory == null
					|| pipeline.streams().stream().noneMatch((stream) -> LogStreams.AUDIT.equals(stream.stream()))) {
				return null;
			}
			return new AuditRecords(directory, new AuditVerifier(audit.getSigningKey()));
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

}
