package io.github.structuredlogging.autoconfigure.masking;

import io.github.structuredlogging.api.Masker;
import io.github.structuredlogging.api.MaskingRule;
import io.github.structuredlogging.masking.MaskingEngine;
import io.github.structuredlogging.runtime.StructuredLoggingRuntime;
import io.github.structuredlogging.masking.MaskingSettings;
import io.github.structuredlogging.autoconfigure.logging.TestRuntimes;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MaskingAutoConfiguration}.
 */
class MaskingAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner().withInitializer(TestRuntimes.fromEnvironment())
		.withConfiguration(AutoConfigurations.of(MaskingAutoConfiguration.class));

	@Test
	void providesAMaskerWithTheDefaults() {
		this.contextRunner.run((context) -> {
			MaskingEngine masker = (MaskingEngine) context.getBean(Masker.class);
			assertThat(masker.settings().keys()).containsAll(MaskingSettings.DEFAULT_KEYS);
			assertThat(masker.ruleNames()).contains("card-number", "jwt", "api-key", "authorization", "email", "ssn",
					"iban", "key-value")
				.doesNotContain("phone");
		});
	}

	@Test
	void propertiesReachTheMasker() {
		this.contextRunner
			.withPropertyValues("structured-logging.masking.replacement=***",
					"structured-logging.masking.detectors.phones=true",
					"structured-logging.masking.detectors.emails=full")
			.run((context) -> {
				MaskingEngine masker = (MaskingEngine) context.getBean(Masker.class);
				assertThat(masker.mask("mail john@example.com")).isEqualTo("mail ***");
				assertThat(masker.ruleNames()).contains("phone");
			});
	}

	@Test
	void backsOffWhenDisabledOrDefinedByTheApplication() {
		this.contextRunner.withPropertyValues("structured-logging.masking.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(Masker.class));
		this.contextRunner.withUserConfiguration(UserMasker.class)
			.run((context) -> assertThat(context.getBean(Masker.class)).isSameAs(UserMasker.MASKER));
	}

	@Test
	void isTheEngineOfTheLogPipeline() {
		this.contextRunner.run((context) -> assertThat(context.getBean(Masker.class))
			.isSameAs(context.getBean(StructuredLoggingRuntime.class).masker()));
	}

	@Test
	void addsTheApplicationsRulesAfterTheBuiltInOnes() {
		this.contextRunner.withBean("ticketRule", MaskingRule.class, () -> (text) -> text.replaceAll("TKT-\\d+", "TKT-***"))
			.run((context) -> {
				Masker masker = context.getBean(Masker.class);
				assertThat(masker.mask("ticket TKT-4711 for a@b.io")).isEqualTo("ticket TKT-*** for a***@b.io");
				assertThat(masker.mask("nothing here")).isEqualTo("nothing here");
				assertThat(((MaskingEngine) masker).ruleNames()).endsWith("ticketRule");
			});
	}

	@Test
	void failingRuleIsSkippedAndCounted() {
		this.contextRunner.withBean("brokenRule", MaskingRule.class, () -> (text) -> {
			throw new IllegalStateException("broken");
		}).run((context) -> {
			MaskingEngine masker = (MaskingEngine) context.getBean(Masker.class);
			assertThat(masker.mask("still written")).isEqualTo("still written");
			assertThat(masker.failures()).isEqualTo(1);
		});
	}

	@Test
	void ruleWithoutPatternFailsNamingTheProperty() {
		this.contextRunner.withPropertyValues("structured-logging.masking.rules[0].name=empty")
			.run((context) -> assertThat(context.getStartupFailure()).hasStackTraceContaining("rules[0].pattern"));
	}

	@Configuration(proxyBeanMethods = false)
	static class UserMasker {

		static final Masker MASKER = new MaskingEngine(MaskingSettings.defaults());

		@Bean
		Masker masker() {
			return MASKER;
		}

	}

}
