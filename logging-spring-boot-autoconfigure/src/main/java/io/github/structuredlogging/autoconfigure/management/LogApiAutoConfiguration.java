package io.github.structuredlogging.autoconfigure.management;

import java.time.Clock;

import io.github.structuredlogging.audit.AuditLogger;
import io.github.structuredlogging.autoconfigure.debug.DebugDetailAutoConfiguration;
import io.github.structuredlogging.management.LogManagement;
import io.github.structuredlogging.management.web.ApiKeyAccess;
import io.github.structuredlogging.management.web.AuthorityAccess;
import io.github.structuredlogging.management.web.LogApiAccess;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.CsrfConfigurer;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * Auto-configuration of the log API at {@code structured-logging.api.base-path}. With
 * Spring Security it serves users holding {@code structured-logging.api.authority};
 * without, it is off unless enabled with an API key.
 */
@AutoConfiguration(after = { LogManagementAutoConfiguration.class, DebugDetailAutoConfiguration.class })
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

			// Clients that authenticate each request with a header (basic, bearer, the API
			// key) cannot send a CSRF token, and a cross-site form cannot set such a header:
			// POST /test and the debug sessions' POST and DELETE are exempt for them only. A
			// cookie session keeps CSRF protection.
			@Bean
			Customizer<CsrfConfigurer<HttpSecurity>> structuredLoggingApiCsrfCustomizer(LogApiProperties properties) {
				PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
				RequestMatcher writes = new OrRequestMatcher(
						paths.matcher(HttpMethod.POST, properties.getBasePath() + "/test"),
						paths.matcher(HttpMethod.POST, properties.getBasePath() + "/debug-sessions"),
						paths.matcher(HttpMethod.DELETE, properties.getBasePath() + "/debug-sessions/*"));
				return (csrf) -> csrf.ignoringRequestMatchers((request) -> writes.matches(request)
						&& (request.getHeader(HttpHeaders.AUTHORIZATION) != null
								|| request.getHeader(ApiKeyAccess.HEADER) != null));
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
		LogApiAccess structuredLoggingApiAccess(LogApiProperties properties, ObjectProvider<AuditLogger> audit) {
			String key = properties.getKey();
			if (key == null || key.isBlank()) {
				throw new InvalidConfigurationPropertyValueException("structured-logging.api.key", null,
						"Without Spring Security the log API needs a key of at least 16 characters");
			}
			return new ApiKeyAccess(key, audit::getIfAvailable, Clock.systemUTC());
		}

	}

}
