package io.github.structuredlogging.autoconfigure.alerting;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.github.structuredlogging.alerting.Alert;
import io.github.structuredlogging.alerting.AlertMeterBinder;
import io.github.structuredlogging.alerting.AlertRule;
import io.github.structuredlogging.alerting.AlertSeverity;
import io.github.structuredlogging.alerting.Alerting;
import io.github.structuredlogging.alerting.CountRule;
import io.github.structuredlogging.alerting.DiskRule;
import io.github.structuredlogging.alerting.ErrorRateRule;
import io.github.structuredlogging.alerting.RuleSettings;
import io.github.structuredlogging.alerting.SecurityAlertRule;
import io.github.structuredlogging.alerting.ShipperFailingRule;
import io.github.structuredlogging.alerting.VerySlowShareRule;
import io.github.structuredlogging.alerting.Webhooks;
import io.github.structuredlogging.autoconfigure.audit.AuditAutoConfiguration;
import io.github.structuredlogging.autoconfigure.disk.DiskAutoConfiguration;
import io.github.structuredlogging.autoconfigure.logging.ConditionalOnLogDirectory;
import io.github.structuredlogging.autoconfigure.management.LogApiProperties;
import io.github.structuredlogging.autoconfigure.management.LogManagementAutoConfiguration;
import io.github.structuredlogging.autoconfigure.shipping.ShippingAutoConfiguration;
import io.github.structuredlogging.disk.DiskMonitor;
import io.github.structuredlogging.disk.DiskUsage;
import io.github.structuredlogging.http.RequestStatistics;
import io.github.structuredlogging.logback.DroppedEvents;
import io.github.structuredlogging.runtime.PeriodicTask;
import io.github.structuredlogging.runtime.StructuredLoggingRuntime;
import io.github.structuredlogging.shipping.ShipperReport;
import io.github.structuredlogging.shipping.Shipping;
import io.github.structuredlogging.store.EventStore;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Auto-configuration of alerting: the built-in rules whose figures the application has,
 * any {@link AlertRule} beans of its own, the webhooks, and the {@link Alerting} that
 * checks them all.
 */
@AutoConfiguration(after = { LogManagementAutoConfiguration.class, ShippingAutoConfiguration.class,
		AuditAutoConfiguration.class, DiskAutoConfiguration.class })
@ConditionalOnBean(StructuredLoggingRuntime.class)
@ConditionalOnBooleanProperty(name = "structured-logging.alerts.enabled", matchIfMissing = true)
@EnableConfigurationProperties({ AlertingProperties.class, LogApiProperties.class })
public final class AlertingAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Alerting structuredLoggingAlerting(ObjectProvider<AlertRule> rules, ObjectProvider<Webhooks> webhooks,
			AlertingProperties properties) {
		List<Consumer<Alert>> notifiers = webhooks.orderedStream().<Consumer<Alert>>map((webhook) -> webhook).toList();
		return new Alerting(rules.orderedStream().toList(), notifiers, properties.getCoolDown(), Clock.systemUTC());
	}

	@Bean
	@ConditionalOnMissingBean(name = "structuredLoggingAlertChecks")
	@ConditionalOnBean(Alerting.class)
	PeriodicTask structuredLoggingAlertChecks(Alerting alerting, AlertingProperties properties) {
		return new PeriodicTask("structured-logging-alerts", properties.getCheckInterval(),
				properties.getCheckInterval(), alerting::checkRules);
	}

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	@Conditional(OnWebhooks.class)
	Webhooks structuredLoggingWebhooks(AlertingProperties properties, StructuredLoggingRuntime runtime) {
		AlertingProperties.Webhooks webhooks = properties.getWebhooks();
		Map<AlertSeverity, List<URI>> urls = new EnumMap<>(AlertSeverity.class);
		urls.put(AlertSeverity.CRITICAL, webhooks.getCritical());
		urls.put(AlertSeverity.WARNING, webhooks.getWarning());
		urls.put(AlertSeverity.INFO, webhooks.getInfo());
		return new Webhooks(urls, webhooks.getHeaders(), webhooks.getFormat(), webhooks.getTimeout(),
				webhooks.getMaxAttempts(), webhooks.getFirstBackoff(), runtime.settings().service());
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(EventStore.class)
	@ConditionalOnBooleanProperty(name = "structured-logging.alerts.error-rate.enabled", matchIfMissing = true)
	ErrorRateRule structuredLoggingErrorRateRule(EventStore store, AlertingProperties properties) {
		return new ErrorRateRule(store, settings(properties.getErrorRate()));
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(RequestStatistics.class)
	@ConditionalOnBooleanProperty(name = "structured-logging.alerts.very-slow-share.enabled", matchIfMissing = true)
	VerySlowShareRule structuredLoggingVerySlowShareRule(RequestStatistics requests, AlertingProperties properties) {
		AlertingProperties.VerySlowShare rule = properties.getVerySlowShare();
		return new VerySlowShareRule(requests, settings(rule), rule.getMinRequests());
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBooleanProperty(name = "structured-logging.alerts.security-alerts.enabled", matchIfMissing = true)
	SecurityAlertRule structuredLoggingSecurityAlertRule(AlertingProperties properties) {
		return new SecurityAlertRule(settings(properties.getSecurityAlerts()), Clock.systemUTC());
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(Shipping.class)
	@ConditionalOnBooleanProperty(name = "structured-logging.alerts.shipper-failing.enabled", matchIfMissing = true)
	ShipperFailingRule structuredLoggingShipperFailingRule(Shipping shipping, AlertingProperties properties) {
		return new ShipperFailingRule(shipping, settings(properties.getShipperFailing()));
	}

	// Events the writer dropped, and those the shippers did.
	@Bean
	@ConditionalOnMissingBean(name = "structuredLoggingDroppedEventsRule")
	@ConditionalOnBooleanProperty(name = "structured-logging.alerts.dropped-events.enabled", matchIfMissing = true)
	CountRule structuredLoggingDroppedEventsRule(DroppedEvents dropped, ObjectProvider<Shipping> shipping,
			AlertingProperties properties) {
		Shipping shippers = shipping.getIfAvailable();
		return new CountRule("dropped-events", "events dropped", () -> dropped.count() + ((shippers != null)
				? shippers.reports().stream().mapToLong(ShipperReport::dropped).sum() : 0),
				settings(properties.getDroppedEvents()));
	}

	// Each rolled file the disk monitor had to remove before it was shipped.
	@Bean
	@ConditionalOnMissingBean(name = "structuredLoggingUnshippedFilesRemovedRule")
	@ConditionalOnBean(DiskMonitor.class)
	@ConditionalOnBooleanProperty(name = "structured-logging.alerts.disk.enabled", matchIfMissing = true)
	CountRule structuredLoggingUnshippedFilesRemovedRule(DiskMonitor monitor) {
		return new CountRule("unshipped-files-removed", "rolled files removed before they were shipped",
				monitor::removedUnshipped, new RuleSettings(0, Duration.ofHours(1), AlertSeverity.CRITICAL));
	}

	private static RuleSettings settings(AlertingProperties.Rule rule) {
		return new RuleSettings(rule.getThreshold(), rule.getWindow(), rule.getSeverity());
	}

	static final class OnWebhooks extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			AlertingProperties.Webhooks webhooks = Binder.get(context.getEnvironment())
				.bind("structured-logging.alerts.webhooks", Bindable.of(AlertingProperties.Webhooks.class))
				.orElseGet(AlertingProperties.Webhooks::new);
			return webhooks.any() ? ConditionOutcome.match("alert webhooks are set")
					: ConditionOutcome.noMatch("no alert webhook is set");
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty(name = "structured-logging.alerts.disk.enabled", matchIfMissing = true)
	static class DiskRulesConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "structuredLoggingDiskWarningRule")
		@ConditionalOnLogDirectory
		DiskRule structuredLoggingDiskWarningRule(StructuredLoggingRuntime runtime, ObjectProvider<DiskUsage> usage,
				LogApiProperties api) {
			return new DiskRule("disk-warning", directory(runtime), usage.getIfAvailable(DiskUsage::fileSystem),
					api.getHealth().getDiskWarnPercent(), AlertSeverity.WARNING);
		}

		@Bean
		@ConditionalOnMissingBean(name = "structuredLoggingDiskCriticalRule")
		@ConditionalOnLogDirectory
		DiskRule structuredLoggingDiskCriticalRule(StructuredLoggingRuntime runtime, ObjectProvider<DiskUsage> usage,
				LogApiProperties api) {
			return new DiskRule("disk-critical", directory(runtime), usage.getIfAvailable(DiskUsage::fileSystem),
					api.getHealth().getDiskCriticalPercent(), AlertSeverity.CRITICAL);
		}

		private static Path directory(StructuredLoggingRuntime runtime) {
			Path directory = runtime.settings().directory();
			return (directory != null) ? directory : Path.of(".");
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterRegistry.class)
	static class AlertMetricsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnBean(Alerting.class)
		AlertMeterBinder structuredLoggingAlertMeterBinder(Alerting alerting) {
			return new AlertMeterBinder(alerting);
		}

	}

}
