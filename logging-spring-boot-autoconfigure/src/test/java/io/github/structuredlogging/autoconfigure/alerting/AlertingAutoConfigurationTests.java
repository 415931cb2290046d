package io.github.structuredlogging.autoconfigure.alerting;

import java.nio.file.Path;
import java.time.Instant;

import io.github.structuredlogging.alerting.AlertRule;
import io.github.structuredlogging.alerting.AlertSeverity;
import io.github.structuredlogging.alerting.Alerting;
import io.github.structuredlogging.alerting.SecurityAlertRule;
import io.github.structuredlogging.alerting.Webhooks;
import io.github.structuredlogging.autoconfigure.logging.StructuredLoggingAutoConfiguration;
import io.github.structuredlogging.autoconfigure.logging.TestRuntimes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link AlertingAutoConfiguration}.
 */
class AlertingAutoConfigurationTests {

	@TempDir
	Path logs;

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withInitializer(TestRuntimes.fromEnvironment())
		.withConfiguration(
				AutoConfigurations.of(StructuredLoggingAutoConfiguration.class, AlertingAutoConfiguration.class));

	@Test
	void checksTheRulesWhoseFiguresExistAndSendsNothingWithoutWebhooks() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed()
				.hasSingleBean(Alerting.class)
				.hasSingleBean(SecurityAlertRule.class)
				.doesNotHaveBean(Webhooks.class);
			assertThat(context.getBean(Alerting.class).ruleNames()).containsExactlyInAnyOrder("security-alerts",
					"dropped-events");
		});
	}

	@Test
	void theDiskRulesWatchTheLogDirectory() {
		this.contextRunner.withPropertyValues("structured-logging.file.directory=" + this.logs)
			.run((context) -> assertThat(context.getBean(Alerting.class).ruleNames()).contains("disk-warning",
					"disk-critical"));
	}

	@Test
	void webhooksOnceAUrlIsSet() {
		this.contextRunner.withPropertyValues("structured-logging.alerts.webhooks.warning=https://hooks.example.com/T1")
			.run((context) -> assertThat(context).hasSingleBean(Webhooks.class));
	}

	@Test
	void eachRuleHasItsOwnSwitchAndAlertingOneForAll() {
		this.contextRunner.withPropertyValues("structured-logging.alerts.security-alerts.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(SecurityAlertRule.class));
		this.contextRunner.withPropertyValues("structured-logging.alerts.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(Alerting.class).doesNotHaveBean(AlertRule.class));
	}

	@Test
	void anApplicationsOwnRuleIsCheckedToo() {
		this.contextRunner.withUserConfiguration(OwnRule.class)
			.run((context) -> assertThat(context.getBean(Alerting.class).ruleNames()).contains("queue-depth"));
	}

	@Test
	void aWebhookThatIsNotAnHttpUrlFailsStartUpNamingThePropertyButNotTheUrl() {
		this.contextRunner.withPropertyValues("structured-logging.alerts.webhooks.critical=ftp://hooks.example.com/s3cr3t")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("structured-logging.alerts.webhooks.critical[0]")
				.message()
				.doesNotContain("s3cr3t"));
	}

	@Test
	void aVerySlowShareAboveOneFailsStartUp() {
		this.contextRunner.withPropertyValues("structured-logging.alerts.very-slow-share.threshold=5")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("very-slow-share.threshold"));
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnRule {

		@Bean
		AlertRule queueDepthRule() {
			return new AlertRule() {

				@Override
				public String name() {
					return "queue-depth";
				}

				@Override
				public AlertSeverity severity() {
					return AlertSeverity.INFO;
				}

				@Override
				public Check check(Instant now) {
					return new Check(false, 0, 100, "Queue depth 0");
				}

			};
		}

	}

}
