package io.github.structuredlogging.autoconfigure.audit;

import java.nio.file.Path;

import io.github.structuredlogging.api.Masker;
import io.github.structuredlogging.audit.AuditAnchors;
import io.github.structuredlogging.audit.AuditLogger;
import io.github.structuredlogging.audit.AuditTrail;
import io.github.structuredlogging.audit.AuthenticationFailureMonitor;
import io.github.structuredlogging.audit.ChainPosition;
import io.github.structuredlogging.audit.FailureEventDefaulter;
import io.github.structuredlogging.audit.SecurityAuditListener;
import io.github.structuredlogging.audit.SessionLimitAuditing;
import io.github.structuredlogging.autoconfigure.logging.StructuredLoggingAutoConfiguration;
import io.github.structuredlogging.autoconfigure.logging.TestRuntimes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authorization.AuthorizationEventPublisher;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.web.authentication.session.SessionFixationProtectionEvent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link AuditAutoConfiguration}.
 */
class AuditAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner().withInitializer(TestRuntimes.fromEnvironment()).withConfiguration(
			AutoConfigurations.of(StructuredLoggingAutoConfiguration.class, AuditAutoConfiguration.class));

	@TempDir
	Path logs;

	@Test
	void providesTrailLoggerAndSecurityListenersByDefault() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(AuditTrail.class)
				.hasSingleBean(AuditLogger.class)
				.hasSingleBean(SecurityAuditListener.class)
				.hasSingleBean(SessionLimitAuditing.class)
				.hasSingleBean(AuthenticationFailureMonitor.class)
				.hasSingleBean(AuthorizationEventPublisher.class);
			assertThat(context.getBean(AuditTrail.class).position()).isEqualTo(ChainPosition.START);
		});
	}

	@Test
	void backsOffWhenDisabledOrDefinedByTheApplication() {
		this.contextRunner.withPropertyValues("structured-logging.audit.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(AuditTrail.class).doesNotHaveBean(AuditLogger.class));
		this.contextRunner.withUserConfiguration(UserTrail.class)
			.run((context) -> assertThat(context.getBean(AuditTrail.class)).isSameAs(UserTrail.TRAIL));
	}

	@Test
	void leavesSecurityOutWithoutSpringSecurity() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(AuthenticationSuccessEvent.class))
			.run((context) -> assertThat(context).hasSingleBean(AuditLogger.class)
				.doesNotHaveBean(SecurityAuditListener.class));
	}

	@Test
	void anEmptyOrShortSigningKeyFailsStartUpNamingTheProperty() {
		for (String key : new String[] { "", "thirty-one-bytes-is-not-enough!" }) {
			this.contextRunner.withPropertyValues("structured-logging.audit.signing-key=" + key)
				.run((context) -> assertThat(context).hasFailed()
					.getFailure()
					.hasStackTraceContaining("signing-key")
					.hasStackTraceContaining("at least 32 bytes"));
		}
		this.contextRunner.withPropertyValues("structured-logging.audit.signing-key=" + "k".repeat(32))
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void emptyDirectoryStartsTheChainWithAnAnchor() {
		this.contextRunner.withPropertyValues("structured-logging.file.directory=" + this.logs)
			.run((context) -> {
				assertThat(context).hasSingleBean(AuditAnchors.class);
				assertThat(context.getBean(AuditTrail.class).position().sequence()).isEqualTo(1);
			});
	}

	@Test
	void bruteForceThresholdBelowOneFailsNamingTheProperty() {
		this.contextRunner.withPropertyValues("structured-logging.audit.brute-force.max-failures=0")
			.run((context) -> assertThat(context.getStartupFailure())
				.hasStackTraceContaining("structured-logging.audit.brute-force.max-failures"));
	}

	@Test
	void unmappedLoginFailuresSuchAsOAuth2AreAuditedToo() {
		this.contextRunner.withUserConfiguration(CapturingSink.class)
			.withBean(FailureEventDefaulter.BOOT_PUBLISHER, DefaultAuthenticationEventPublisher.class)
			.run((context) -> {
				context.getBean(DefaultAuthenticationEventPublisher.class)
					.publishAuthenticationFailure(new OAuth2AuthenticationException(new OAuth2Error("invalid_grant")),
							new TestingAuthenticationToken("carol", "n/a"));
				assertThat(CapturingSink.events(context)).contains("AUTHENTICATION_FAILURE");
			});
	}

	@Test
	void sessionEventsAreAudited() {
		this.contextRunner.withUserConfiguration(CapturingSink.class).run((context) -> {
			context.publishEvent(new SessionFixationProtectionEvent(new TestingAuthenticationToken("carol", "n/a"),
					"old-session", "new-session"));
			assertThat(CapturingSink.events(context)).contains("SESSION_FIXATION_PROTECTION");
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class CapturingSink {

		@Bean
		java.util.List<String> capturedEvents() {
			return new java.util.concurrent.CopyOnWriteArrayList<>();
		}

		@Bean
		io.github.structuredlogging.audit.AuditSink capturingSink(java.util.List<String> capturedEvents) {
			return (record, sequence) -> capturedEvents.add(record.event());
		}

		@SuppressWarnings("unchecked")
		static java.util.List<String> events(org.springframework.context.ApplicationContext context) {
			return (java.util.List<String>) context.getBean("capturedEvents");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserTrail {

		static final AuditTrail TRAIL = new AuditTrail(new io.github.structuredlogging.audit.AuditChain(null),
				ChainPosition.START, (Masker) null, java.time.Clock.systemUTC(), () -> AuditTrail.RequestOrigin.NONE);

		@Bean
		AuditTrail auditTrail() {
			return TRAIL;
		}

	}

}
