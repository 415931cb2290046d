package io.github.structuredlogging.autoconfigure.archive;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;

import io.github.structuredlogging.api.LogStreams;
import io.github.structuredlogging.archive.LogArchive;
import io.github.structuredlogging.autoconfigure.logging.ConditionalOnLogDirectory;
import io.github.structuredlogging.autoconfigure.logging.StructuredLoggingAutoConfiguration;
import io.github.structuredlogging.runtime.PeriodicTask;
import io.github.structuredlogging.runtime.StructuredLoggingRuntime;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.util.Assert;

/**
 * Auto-configuration of the archive, once {@code structured-logging.archive.directory} is
 * set and the streams are written to files.
 */
@AutoConfiguration(after = StructuredLoggingAutoConfiguration.class)
@ConditionalOnBean(StructuredLoggingRuntime.class)
@ConditionalOnProperty("structured-logging.archive.directory")
@ConditionalOnLogDirectory
@EnableConfigurationProperties(ArchiveProperties.class)
public final class ArchiveAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	LogArchive structuredLoggingArchive(StructuredLoggingRuntime runtime, ArchiveProperties properties) {
		Path directory = runtime.settings().directory();
		Path archive = properties.getDirectory();
		Assert.state(directory != null && archive != null, "A log directory and an archive directory are set");
		return new LogArchive(directory, archive,
				Set.of(LogStreams.APPLICATION, LogStreams.ERROR, LogStreams.PERFORMANCE, LogStreams.AUDIT),
				properties.getAfter(), properties.getRetention(), properties.getAuditRetention(),
				runtime.applicationHold(), Clock.systemDefaultZone());
	}

	@Bean
	@ConditionalOnMissingBean(name = "structuredLoggingArchiveRuns")
	PeriodicTask structuredLoggingArchiveRuns(LogArchive archive, ArchiveProperties properties) {
		return new PeriodicTask("structured-logging-archive", Duration.ZERO, properties.getCheckInterval(),
				archive::run);
	}

}
