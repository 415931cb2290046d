package io.github.structuredlogging.autoconfigure.audit;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.structuredlogging.api.LogStreams;
import io.github.structuredlogging.api.Masker;
import io.github.structuredlogging.audit.AuditAnchors;
import io.github.structuredlogging.audit.AuditChain;
import io.github.structuredlogging.audit.AuditFiles.Recovery;
import io.github.structuredlogging.audit.AuditFiles;
import io.github.structuredlogging.audit.AuditLogger;
import io.github.structuredlogging.audit.AuditSink;
import io.github.structuredlogging.audit.AuditTrail.RequestOrigin;
import io.github.structuredlogging.audit.AuditTrail;
import io.github.structuredlogging.audit.Audited;
import io.github.structuredlogging.audit.AuditedMethodInterceptor;
import io.github.structuredlogging.audit.AuthenticationFailureMonitor;
import io.github.structuredlogging.audit.BootAuditEvents;
import io.github.structuredlogging.audit.ChainPosition;
import io.github.structuredlogging.audit.FailureEventDefaulter;
import io.github.structuredlogging.audit.GeoIp;
import io.github.structuredlogging.audit.LogLevelChangeInterceptor;
import io.github.structuredlogging.audit.SecurityAuditListener;
import io.github.structuredlogging.audit.SessionAuditListener;
import io.github.structuredlogging.audit.SessionLimitAuditing;
import io.github.structuredlogging.autoconfigure.masking.MaskingAutoConfiguration;
import io.github.structuredlogging.http.UserAgents;
import io.github.structuredlogging.logback.StreamFile;
import io.github.structuredlogging.runtime.StructuredLoggingRuntime;
import io.github.structuredlogging.security.AuthenticatedUser;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.Advisor;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.StaticMethodMatcherPointcut;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.actuate.audit.AuditEventRepository;
import org.springframework.boot.actuate.logging.LoggersEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.Ordered;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authorization.AuthorizationEventPublisher;
import org.springframework.security.authorization.SpringAuthorizationEventPublisher;
import org.springframework.util.ClassUtils;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Auto-configuration of the audit trail: hash-chained records in the {@code audit} stream,
 * continuing the chain found in the audit files, and the {@link AuditLogger} API.
 */
@AutoConfiguration(after = MaskingAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = "structured-logging.audit.enabled", matchIfMissing = true)
@EnableConfigurationProperties(AuditProperties.class)
public final class AuditAutoConfiguration {

	// The chain goes on from the last record in the audit files, across restarts and
	// rotation; without files it starts afresh.
	@Bean
	@ConditionalOnMissingBean
	Recovery auditRecovery(ObjectProvider<StructuredLoggingRuntime> runtime) {
		Path directory = auditDirectory(runtime.getIfAvailable());
		return (directory != null) ? AuditFiles.recover(directory) : new Recovery(ChainPosition.START, null, null);
	}

	@Bean
	@ConditionalOnMissingBean
	AuditTrail auditTrail(AuditProperties properties, Recovery recovery, ObjectProvider<Masker> masker,
			ObjectProvider<RequestOriginLookup> origin) {
		RequestOriginLookup lookup = origin.getIfAvailable(() -> () -> RequestOrigin.NONE);
		return new AuditTrail(new AuditChain(properties.getSigningKey()), recovery.last(), masker.getIfAvailable(),
				Clock.systemUTC(), lookup::current);
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(StructuredLoggingRuntime.class)
	AuditAnchors auditAnchors(AuditTrail trail, StructuredLoggingRuntime runtime, Recovery recovery) {
		Path directory = auditDirectory(runtime);
		StreamFile file = runtime.settings()
			.streams()
			.stream()
			.filter((stream) -> LogStreams.AUDIT.equals(stream.stream()))
			.findFirst()
			.orElse(null);
		if (directory == null || file == null) {
			return null;
		}
		AuditAnchors anchors = new AuditAnchors(trail, directory, file.maxHistoryDays(),
				file.totalSizeCap().toBytes() > 0, Clock.systemUTC());
		anchors.started(recovery);
		runtime.onRollover(LogStreams.AUDIT, anchors::rotated);
		return anchors;
	}

	// Before Spring Boot stops logging, which happens first when the context closes.
	@Bean
	static AnchorsClosing auditAnchorsClosing(ObjectProvider<AuditAnchors> anchors,
			ObjectProvider<StructuredLoggingRuntime> runtime) {
		return new AnchorsClosing(anchors, runtime);
	}

	/**
	 * Writes the pending anchors and stops taking rollovers when the context closes, while
	 * logging still works.
	 */
	static final class AnchorsClosing implements ApplicationListener<ContextClosedEvent>, Ordered {

		private final ObjectProvider<AuditAnchors> anchors;

		private final ObjectProvider<StructuredLoggingRuntime> runtime;

		AnchorsClosing(ObjectProvider<AuditAnchors> anchors, ObjectProvider<StructuredLoggingRuntime> runtime) {
			this.anchors = anchors;
			this.runtime = runtime;
		}

		@Override
		public void onApplicationEvent(ContextClosedEvent event) {
			this.runtime.ifAvailable((runtime) -> runtime.onRollover(LogStreams.AUDIT, () -> {
			}));
			this.anchors.ifAvailable(AuditAnchors::close);
		}

		@Override
		public int getOrder() {
			return Ordered.HIGHEST_PRECEDENCE;
		}

	}

	@Bean
	@ConditionalOnMissingBean
	AuditLogger auditLogger(AuditTrail trail) {
		return new AuditLogger(trail);
	}

	@Bean
	SmartInitializingSingleton auditSinkRegistration(AuditTrail trail, ObjectProvider<AuditSink> sinks) {
		// After every bean exists: a sink may itself depend on the trail.
		return () -> trail.setSinks(sinks.orderedStream().toList());
	}

	// Infrastructure, so that Spring Boot's proxy creator applies it with or without
	// AspectJ; the trail is looked up at the first audited call, not while proxies are made.
	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	@ConditionalOnMissingBean(name = "auditedMethodAdvisor")
	static Advisor auditedMethodAdvisor(ObjectProvider<AuditTrail> trail) {
		AuditedMethodInterceptor interceptor = new AuditedMethodInterceptor(trail::getObject, principal());
		return new DefaultPointcutAdvisor(new AnnotationMatchingPointcut(null, Audited.class, true), interceptor);
	}

	private static @Nullable Path auditDirectory(@Nullable StructuredLoggingRuntime runtime) {
		return (runtime != null) ? runtime.directoryOf(LogStreams.AUDIT) : null;
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ AuthenticationSuccessEvent.class, Caffeine.class })
	static class SecurityConfiguration {

		@Bean
		@ConditionalOnMissingBean
		AuthenticationFailureMonitor authenticationFailureMonitor(AuditProperties properties,
				ObjectProvider<RequestOriginLookup> origin) {
			AuditProperties.BruteForce bruteForce = properties.getBruteForce();
			RequestOriginLookup lookup = origin.getIfAvailable(() -> () -> RequestOrigin.NONE);
			return new AuthenticationFailureMonitor(bruteForce.getMaxFailures(), bruteForce.getWindow(), lookup::current);
		}

		@Bean
		@ConditionalOnMissingBean
		SecurityAuditListener securityAuditListener(AuditTrail trail, AuthenticationFailureMonitor failures) {
			return new SecurityAuditListener(trail, failures);
		}

		@Bean
		static FailureEventDefaulter auditFailureEventDefaulter() {
			return new FailureEventDefaulter();
		}

		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnClass(name = "org.springframework.security.web.authentication.session.SessionFixationProtectionEvent")
		SessionAuditListener sessionAuditListener(AuditTrail trail) {
			return new SessionAuditListener(trail);
		}

		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnClass(name = "org.springframework.security.config.annotation.web.builders.HttpSecurity")
		SessionLimitAuditing sessionLimitAuditing(AuditTrail trail) {
			return new SessionLimitAuditing(trail);
		}

		// Spring Security publishes denied access only when an event publisher exists.
		@Bean
		@ConditionalOnMissingBean
		AuthorizationEventPublisher authorizationEventPublisher(ApplicationEventPublisher publisher) {
			return new SpringAuthorizationEventPublisher(publisher);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ AuditEventRepository.class, LoggersEndpoint.class })
	static class ActuatorConfiguration {

		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnBean(AuditEventRepository.class)
		BootAuditEvents bootAuditEvents(AuditTrail trail, AuditEventRepository repository,
				ObjectProvider<SecurityAuditListener> securityListener) {
			return new BootAuditEvents(trail, repository, securityListener.getIfAvailable() != null);
		}

		@Bean
		@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
		@ConditionalOnMissingBean(name = "logLevelChangeAdvisor")
		static Advisor logLevelChangeAdvisor(ObjectProvider<AuditTrail> trail,
				ObjectProvider<LoggingSystem> loggingSystem) {
			LogLevelChangeInterceptor interceptor = new LogLevelChangeInterceptor(trail::getObject,
					loggingSystem::getObject, principal());
			StaticMethodMatcherPointcut configureLogLevel = new StaticMethodMatcherPointcut() {
				@Override
				public boolean matches(Method method, Class<?> targetClass) {
					return LoggersEndpoint.class.isAssignableFrom(targetClass)
							&& "configureLogLevel".equals(method.getName());
				}
			};
			return new DefaultPointcutAdvisor(configureLogLevel, interceptor);
		}

	}

	static Supplier<@Nullable String> principal() {
		return ClassUtils.isPresent("org.springframework.security.core.context.SecurityContextHolder",
				AuditAutoConfiguration.class.getClassLoader()) ? AuthenticatedUser::currentName : () -> null;
	}

	/**
	 * Tells where the current request comes from.
	 */
	@FunctionalInterface
	interface RequestOriginLookup {

		RequestOrigin current();

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.SERVLET)
	@ConditionalOnClass(RequestContextHolder.class)
	static class ServletConfiguration {

		@Bean
		RequestOriginLookup auditRequestOriginLookup(ObjectProvider<GeoIp> geoIp) {
			GeoIp locations = geoIp.getIfAvailable();
			return () -> {
				if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
					HttpServletRequest request = attributes.getRequest();
					String address = request.getRemoteAddr();
					return new RequestOrigin(address, UserAgents.of(request),
							(locations != null) ? locations.locate(address) : null);
				}
				return RequestOrigin.NONE;
			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "com.maxmind.geoip2.DatabaseReader")
	@ConditionalOnProperty("structured-logging.audit.geoip.database")
	static class GeoIpConfiguration {

		private static final String DATABASE = "structured-logging.audit.geoip.database";

		private static final String ASN_DATABASE = "structured-logging.audit.geoip.asn-database";

		@Bean
		@ConditionalOnMissingBean
		GeoIp auditGeoIp(AuditProperties properties) {
			Path database = properties.getGeoip().getDatabase();
			Path asnDatabase = properties.getGeoip().getAsnDatabase();
			try (GeoIp alone = GeoIp.open(database, null)) {
				// Opened alone first, so that a failure names the property at fault.
			}
			catch (IOException | RuntimeException ex) {
				throw new InvalidConfigurationPropertyValueException(DATABASE, database,
						"cannot be used as a MaxMind City or Country database: " + ex.getMessage());
			}
			try {
				return GeoIp.open(database, asnDatabase);
			}
			catch (IOException | RuntimeException ex) {
				throw new InvalidConfigurationPropertyValueException(ASN_DATABASE, asnDatabase,
						"cannot be used as a MaxMind ASN database: " + ex.getMessage());
			}
		}

	}

}
