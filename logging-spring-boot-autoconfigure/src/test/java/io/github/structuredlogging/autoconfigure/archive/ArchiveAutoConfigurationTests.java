package io.github.structuredlogging.autoconfigure.archive;

import java.nio.file.Path;

import io.github.structuredlogging.archive.LogArchive;
import io.github.structuredlogging.autoconfigure.logging.StructuredLoggingAutoConfiguration;
import io.github.structuredlogging.autoconfigure.logging.TestRuntimes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ArchiveAutoConfiguration}.
 */
class ArchiveAutoConfigurationTests {

	@TempDir
	Path logs;

	@TempDir
	Path archive;

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withInitializer(TestRuntimes.fromEnvironment())
		.withConfiguration(
				AutoConfigurations.of(StructuredLoggingAutoConfiguration.class, ArchiveAutoConfiguration.class));

	@Test
	void archivesOnceBothDirectoriesAreSet() {
		this.contextRunner.withPropertyValues("structured-logging.file.directory=" + this.logs)
			.run((context) -> assertThat(context).doesNotHaveBean(LogArchive.class));
		this.contextRunner.withPropertyValues("structured-logging.archive.directory=" + this.archive)
			.run((context) -> assertThat(context).doesNotHaveBean(LogArchive.class));
		this.contextRunner
			.withPropertyValues("structured-logging.file.directory=" + this.logs,
					"structured-logging.archive.directory=" + this.archive)
			.run((context) -> assertThat(context).hasSingleBean(LogArchive.class));
	}

	@Test
	void anAgeUnderOneDayFailsStartUpNamingTheProperty() {
		this.contextRunner
			.withPropertyValues("structured-logging.file.directory=" + this.logs,
					"structured-logging.archive.directory=" + this.archive, "structured-logging.archive.after=0")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("after"));
	}

}
