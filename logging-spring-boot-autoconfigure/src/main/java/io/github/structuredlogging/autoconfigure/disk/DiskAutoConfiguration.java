package io.github.structuredlogging.autoconfigure.disk;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

import io.github.structuredlogging.api.LogStreams;
import io.github.structuredlogging.autoconfigure.logging.ConditionalOnLogDirectory;
import io.github.structuredlogging.autoconfigure.logging.StructuredLoggingAutoConfiguration;
import io.github.structuredlogging.autoconfigure.management.LogApiProperties;
import io.github.structuredlogging.disk.DiskMonitor;
import io.github.structuredlogging.disk.DiskUsage;
import io.github.structuredlogging.runtime.PeriodicTask;
import io.github.structuredlogging.runtime.StructuredLoggingRuntime;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.util.Assert;

/**
 * Auto-configuration of the log volume: how its usage is read, and the monitor that makes
 * room when it is past the critical mark of {@code structured-logging.api.health}.
 */
@AutoConfiguration(after = StructuredLoggingAutoConfiguration.class)
@EnableConfigurationProperties({ DiskProperties.class, LogApiProperties.class })
public final class DiskAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	DiskUsage structuredLoggingDiskUsage() {
		return DiskUsage.fileSystem();
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(StructuredLoggingRuntime.class)
	@ConditionalOnBooleanProperty(name = { "structured-logging.disk.enabled", "structured-logging.disk.clean-up" },
			matchIfMissing = true)
	@ConditionalOnLogDirectory
	DiskMonitor structuredLoggingDiskMonitor(StructuredLoggingRuntime runtime, DiskUsage usage,
			LogApiProperties api, DiskProperties properties) {
		// The directory as configured, even if logging found it unwritable: the monitor then says so.
		Path directory = runtime.settings().directory();
		Assert.state(directory != null, "A log directory is set");
		return new DiskMonitor(directory, Set.of(LogStreams.APPLICATION, LogStreams.ERROR, LogStreams.PERFORMANCE),
				api.getHealth().getDiskWarnPercent(), api.getHealth().getDiskCriticalPercent(), usage,
				runtime.applicationHold());
	}

	@Bean
	@ConditionalOnMissingBean(name = "structuredLoggingDiskChecks")
	@ConditionalOnBean(DiskMonitor.class)
	PeriodicTask structuredLoggingDiskChecks(DiskMonitor monitor, DiskProperties properties) {
		return new PeriodicTask("structured-logging-disk", Duration.ZERO, properties.getCheckInterval(),
				monitor::check);
	}

}
