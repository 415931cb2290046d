package io.github.structuredlogging.disk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import io.github.structuredlogging.logback.RetentionHold;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The monitor of the log volume, over real files in a directory whose volume is the one
 * stand-in allowed: 1,000 KB, of which 300 KB belong to others.
 */
class DiskMonitorTests {

	private static final long KB = 1024;

	@TempDir
	Path logs;

	private final DiskUsage usage = (directory) -> {
		try (Stream<Path> files = Files.list(directory)) {
			long used = 300 * KB + files.filter(Files::isRegularFile).mapToLong(DiskMonitorTests::size).sum();
			return new DiskUsage.Usage(1000 * KB, 1000 * KB - used);
		}
	};

	@Test
	void pastTheCriticalMarkTheOldestRolledFilesGoUntilUsageIsUnderTheWarningMark() throws IOException {
		files();
		DiskMonitor monitor = monitor(null);
		monitor.check();
		assertThat(left()).containsExactlyInAnyOrder("audit.2026-10-01.0.json.gz", "performance.2026-11-03.0.json.gz",
				"application.2026-11-04.0.json.gz", "application.json");
		assertThat(monitor.usedPercent()).isLessThan(75);
		assertThat(monitor.removedFiles()).isEqualTo(2);
		assertThat(monitor.removedBytes()).isEqualTo(200 * KB);
	}

	@Test
	void underTheCriticalMarkNothingIsRemoved() throws IOException {
		files();
		Files.delete(this.logs.resolve("application.2026-11-04.0.json.gz"));
		Files.delete(this.logs.resolve("performance.2026-11-03.0.json.gz"));
		monitor(null).check();
		assertThat(left()).hasSize(4);
	}

	@Test
	void filesAShipperStillNeedsGoLastAndEachIsCounted() throws IOException {
		files();
		RetentionHold hold = new RetentionHold("application",
				() -> Map.of("elasticsearch", Set.of("application.2026-11-01.0.json", "application.2026-11-04.0.json")));
		DiskMonitor monitor = monitor(hold);
		monitor.check();
		assertThat(left()).containsExactlyInAnyOrder("audit.2026-10-01.0.json.gz", "application.2026-11-01.0.json.gz",
				"application.2026-11-04.0.json.gz", "application.json");
		assertThat(monitor.removedUnshipped()).isZero();
		// More comes in: only unshipped files are left to remove, and they go, counted.
		Files.write(this.logs.resolve("error.json"), new byte[(int) (200 * KB)]);
		monitor.check();
		assertThat(left()).containsExactlyInAnyOrder("audit.2026-10-01.0.json.gz", "application.json", "error.json");
		assertThat(monitor.removedUnshipped()).isEqualTo(2);
	}

	private DiskMonitor monitor(RetentionHold hold) {
		return new DiskMonitor(this.logs, Set.of("application", "error", "performance"), 75, 85, this.usage, hold);
	}

	// 600 KB of files: 90% of the volume.
	private void files() throws IOException {
		file("audit.2026-10-01.0.json.gz", "2026-10-01");
		file("application.2026-11-01.0.json.gz", "2026-11-01");
		file("error.2026-11-02.0.json.gz", "2026-11-02");
		file("performance.2026-11-03.0.json.gz", "2026-11-03");
		file("application.2026-11-04.0.json.gz", "2026-11-04");
		file("application.json", "2026-11-05");
	}

	private void file(String name, String day) throws IOException {
		Path file = Files.write(this.logs.resolve(name), new byte[(int) (100 * KB)]);
		Files.setLastModifiedTime(file, FileTime.from(Instant.parse(day + "T12:00:00Z")));
	}

	private List<String> left() throws IOException {
		try (Stream<Path> files = Files.list(this.logs)) {
			return files.map((file) -> file.getFileName().toString()).toList();
		}
	}

	private static long size(Path file) {
		try {
			return Files.size(file);
		}
		catch (IOException ex) {
			return 0;
		}
	}

}
