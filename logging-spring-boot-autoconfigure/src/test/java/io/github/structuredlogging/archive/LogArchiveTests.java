package io.github.structuredlogging.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import io.github.structuredlogging.logback.RetentionHold;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The archive over real files: what moves, what stays, the manifest, and verification
 * after the archive was tampered with.
 */
class LogArchiveTests {

	private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

	@TempDir
	Path logs;

	@TempDir
	Path archive;

	@Test
	void rolledFilesOlderThanTheAgeMoveGzippedAndRecordedAuditFilesAreCopied() throws Exception {
		gzip("application.2026-11-01.0.json.gz", "{\"n\":1}\n");
		Files.writeString(this.logs.resolve("error.2026-11-02.0.json"), "{\"n\":2}\n");
		gzip("audit.2026-11-03.0.json.gz", "{\"n\":3}\n");
		gzip("application.2026-11-30.0.json.gz", "{\"n\":4}\n");
		LogArchive archive = archive(null, NOW);
		archive.archive();
		assertThat(this.logs.resolve("application.2026-11-01.0.json.gz")).doesNotExist();
		assertThat(this.logs.resolve("error.2026-11-02.0.json")).doesNotExist();
		assertThat(this.logs.resolve("audit.2026-11-03.0.json.gz")).as("copied: the audit trail still reads it").exists();
		assertThat(this.logs.resolve("application.2026-11-30.0.json.gz")).as("too recent").exists();
		assertThat(gunzip(this.archive.resolve("application/application.2026-11-01.0.json.gz"))).isEqualTo("{\"n\":1}\n");
		assertThat(gunzip(this.archive.resolve("error/error.2026-11-02.0.json.gz"))).isEqualTo("{\"n\":2}\n");
		assertThat(gunzip(this.archive.resolve("audit/audit.2026-11-03.0.json.gz"))).isEqualTo("{\"n\":3}\n");
		List<JsonNode> manifest = manifest();
		assertThat(manifest).hasSize(3).allSatisfy((line) -> assertThat(line.path("sha256").asString())
			.isEqualTo(sha256(this.archive.resolve(line.path("file").asString()))));
		archive.archive();
		assertThat(manifest()).as("nothing archived twice").hasSize(3);
		assertThat(archive.verify().valid()).isTrue();
	}

	@Test
	void aFileAShipperHasNotShippedWaits() throws Exception {
		gzip("application.2026-11-01.0.json.gz", "{\"n\":1}\n");
		RetentionHold hold = new RetentionHold("application",
				() -> Map.of("elasticsearch", Set.of("application.2026-11-01.0.json")));
		archive(hold, NOW).archive();
		assertThat(this.logs.resolve("application.2026-11-01.0.json.gz")).exists();
		assertThat(manifest()).isEmpty();
	}

	@Test
	void verificationReportsAChangedAMissingAndAnAddedFile() throws Exception {
		gzip("application.2026-11-01.0.json.gz", "{\"n\":1}\n");
		gzip("application.2026-11-02.0.json.gz", "{\"n\":2}\n");
		gzip("error.2026-11-03.0.json.gz", "{\"n\":3}\n");
		LogArchive archive = archive(null, NOW);
		archive.archive();
		Path tampered = this.archive.resolve("application/application.2026-11-01.0.json.gz");
		byte[] bytes = Files.readAllBytes(tampered);
		bytes[bytes.length / 2] ^= 1;
		Files.write(tampered, bytes);
		Files.delete(this.archive.resolve("error/error.2026-11-03.0.json.gz"));
		Files.writeString(this.archive.resolve("application/planted.json.gz"), "x");
		ArchiveVerification verification = archive.verify();
		assertThat(verification.valid()).isFalse();
		assertThat(verification.files()).isEqualTo(3);
		assertThat(verification.changed()).containsExactly("application/application.2026-11-01.0.json.gz");
		assertThat(verification.missing()).containsExactly("error/error.2026-11-03.0.json.gz");
		assertThat(verification.added()).containsExactly("application/planted.json.gz");
	}

	@Test
	void filesPastTheArchivesRetentionAreRemovedAndRecordedSoVerificationStillHolds() throws Exception {
		gzip("application.2026-11-01.0.json.gz", "{\"n\":1}\n");
		gzip("audit.2026-11-01.0.json.gz", "{\"n\":2}\n");
		archive(null, NOW).archive();
		Files.delete(this.logs.resolve("audit.2026-11-01.0.json.gz"));
		LogArchive later = archive(null, NOW.plus(Duration.ofDays(400)));
		later.archive();
		assertThat(this.archive.resolve("application/application.2026-11-01.0.json.gz")).doesNotExist();
		assertThat(this.archive.resolve("audit/audit.2026-11-01.0.json.gz")).as("audit files are kept longer").exists();
		ArchiveVerification verification = later.verify();
		assertThat(verification.valid()).isTrue();
		assertThat(verification.files()).isOne();
	}

	private LogArchive archive(RetentionHold hold, Instant now) {
		return new LogArchive(this.logs, this.archive, Set.of("application", "error", "performance", "audit"),
				Duration.ofDays(7), Duration.ofDays(365), Duration.ofDays(2555), hold, Clock.fixed(now, ZoneOffset.UTC));
	}

	private void gzip(String name, String content) throws IOException {
		try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(this.logs.resolve(name)))) {
			out.write(content.getBytes(StandardCharsets.UTF_8));
		}
	}

	private static String gunzip(Path file) throws IOException {
		try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	private List<JsonNode> manifest() throws IOException {
		Path manifest = this.archive.resolve("manifest.jsonl");
		if (!Files.exists(manifest)) {
			return List.of();
		}
		JsonMapper mapper = JsonMapper.builder().build();
		return Files.readAllLines(manifest).stream().map(mapper::readTree).toList();
	}

	private static String sha256(Path file) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
	}

}
