package io.github.structuredlogging.autoconfigure.disk;

import java.nio.file.Path;

import io.github.structuredlogging.autoconfigure.logging.StructuredLoggingAutoConfiguration;
import io.github.structuredlogging.autoconfigure.logging.TestRuntimes;
import io.github.structuredlogging.disk.DiskMonitor;
import io.github.structuredlogging.disk.DiskUsage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link DiskAutoConfiguration}.
 */
class DiskAutoConfigurationTests {

	@TempDir
	Path logs;

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withInitializer(TestRuntimes.fromEnvironment())
		.withConfiguration(AutoConfigurations.of(StructuredLoggingAutoConfiguration.class, DiskAutoConfiguration.class));

	@Test
	void watchesTheVolumeOfTheLogDirectory() {
		this.contextRunner.withPropertyValues("structured-logging.file.directory=" + this.logs)
			.run((context) -> assertThat(context).hasSingleBean(DiskMonitor.class).hasSingleBean(DiskUsage.class));
	}

	@Test
	void noMonitorWithoutFilesOrWhenSwitchedOff() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(DiskMonitor.class));
		this.contextRunner
			.withPropertyValues("structured-logging.file.directory=" + this.logs, "structured-logging.disk.clean-up=false")
			.run((context) -> assertThat(context).doesNotHaveBean(DiskMonitor.class));
		this.contextRunner
			.withPropertyValues("structured-logging.file.directory=" + this.logs, "structured-logging.disk.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(DiskMonitor.class));
	}

	@Test
	void theApplicationsOwnUsageIsUsed() {
		DiskUsage own = (directory) -> new DiskUsage.Usage(100, 50);
		this.contextRunner.withPropertyValues("structured-logging.file.directory=" + this.logs)
			.withBean(DiskUsage.class, () -> own)
			.run((context) -> assertThat(context.getBean(DiskUsage.class)).isSameAs(own));
	}

	@Test
	void aCheckIntervalTooShortFailsStartUpNamingTheProperty() {
		this.contextRunner.withPropertyValues("structured-logging.disk.check-interval=1ms")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("check-interval"));
	}

}
