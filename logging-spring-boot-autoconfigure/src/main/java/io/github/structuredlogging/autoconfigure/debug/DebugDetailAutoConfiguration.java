package io.github.structuredlogging.autoconfigure.debug;

import java.time.Clock;
import java.util.Locale;
import java.util.function.Consumer;

import io.github.structuredlogging.audit.AuditLogger;
import io.github.structuredlogging.autoconfigure.audit.AuditAutoConfiguration;
import io.github.structuredlogging.autoconfigure.http.HttpLoggingAutoConfiguration;
import io.github.structuredlogging.autoconfigure.logging.StructuredLoggingAutoConfiguration;
import io.github.structuredlogging.debug.DebugSessionFilter;
import io.github.structuredlogging.debug.DebugSessions;
import io.github.structuredlogging.debug.ErrorReplay;
import io.github.structuredlogging.debug.ErrorReplayFilter;
import io.github.structuredlogging.runtime.StructuredLoggingRuntime;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingFilterBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configuration of debug detail where it is needed: debug sessions, started through
 * the log API, with the filter that marks the requests they match (each session started,
 * ended or expired is an audit record when the audit trail is on); and, when enabled, the
 * replay of a failed request's DEBUG events.
 */
@AutoConfiguration(after = { StructuredLoggingAutoConfiguration.class, AuditAutoConfiguration.class })
@ConditionalOnWebApplication(type = Type.SERVLET)
@ConditionalOnBean(StructuredLoggingRuntime.class)
public final class DebugDetailAutoConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty(name = "structured-logging.debug-sessions.enabled", matchIfMissing = true)
	static class SessionsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		DebugSessions structuredLoggingDebugSessions(StructuredLoggingRuntime runtime,
				ObjectProvider<AuditLogger> audit) {
			return new DebugSessions(runtime.context(), Clock.systemUTC(), audit(audit.getIfAvailable()));
		}

		@Bean
		@ConditionalOnMissingFilterBean(DebugSessionFilter.class)
		FilterRegistrationBean<DebugSessionFilter> structuredLoggingDebugSessionFilter(DebugSessions sessions) {
			FilterRegistrationBean<DebugSessionFilter> registration = new FilterRegistrationBean<>(
					new DebugSessionFilter(sessions));
			registration.setOrder(DebugSessionFilter.ORDER);
			return registration;
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty("structured-logging.debug-replay.enabled")
	@EnableConfigurationProperties(DebugReplayProperties.class)
	static class ErrorReplayConfiguration {

		@Bean(destroyMethod = "uninstall")
		@ConditionalOnMissingBean
		ErrorReplay structuredLoggingErrorReplay(StructuredLoggingRuntime runtime, DebugReplayProperties properties) {
			ErrorReplay replay = new ErrorReplay(properties.getMaxEventsPerRequest(), properties.getMaxEvents());
			replay.install(runtime.context());
			return replay;
		}

		// Inside the performance filter: a failed request's DEBUG events come before its line.
		@Bean
		@ConditionalOnMissingFilterBean(ErrorReplayFilter.class)
		FilterRegistrationBean<ErrorReplayFilter> structuredLoggingErrorReplayFilter(ErrorReplay replay) {
			FilterRegistrationBean<ErrorReplayFilter> registration = new FilterRegistrationBean<>(
					new ErrorReplayFilter(replay));
			registration.setOrder(HttpLoggingAutoConfiguration.FILTER_ORDER + 1);
			return registration;
		}

	}

	private static Consumer<DebugSessions.Change> audit(@Nullable AuditLogger audit) {
		if (audit == null) {
			return (change) -> LoggerFactory.getLogger(DebugSessions.class)
				.info("Debug session {} {}{}", change.session().id(), change.what(),
						(change.by() != null) ? " by " + change.by() : "");
		}
		return (change) -> audit.event("DEBUG_SESSION_" + change.what().toUpperCase(Locale.ROOT))
			.action(change.what() + "_debug_session")
			.principal(change.by())
			.resource("debug_session", change.session().id())
			.detail("user", change.session().user())
			.detail("correlation_id", change.session().correlationId())
			.detail("header", change.session().header())
			.detail("logger", change.session().logger())
			.detail("expires_at", change.session().expiresAt().toString())
			.success();
	}

}
