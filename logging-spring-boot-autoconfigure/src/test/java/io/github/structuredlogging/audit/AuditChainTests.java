package io.github.structuredlogging.audit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import io.github.structuredlogging.api.LogStreams;
import io.github.structuredlogging.audit.AuditVerification.Break;
import io.github.structuredlogging.audit.AuditVerification.Kind;
import io.github.structuredlogging.autoconfigure.logging.TestApplication;
import io.github.structuredlogging.runtime.StructuredLoggingRuntime;
import io.github.structuredlogging.testing.JsonLines;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the audit chain covers and what its verifier reports, on files a real application
 * wrote and that were then damaged, cut short, truncated or written around.
 */
class AuditChainTests {

	private static final String KEY = "audit-signing-key-for-tests-of-32-bytes";

	@RegisterExtension
	final TestApplication application = new TestApplication();

	@TempDir
	Path logs;

	@Test
	void everyBreakIsReportedAndVerificationGoesOn() throws IOException {
		writeRecords(6);
		List<String> lines = lines();
		lines.set(2, lines.get(2).replace("user-2", "someone"));
		lines.remove(4);
		Files.write(auditFile(), lines);
		assertThat(verify().breaks()).extracting(Break::sequence, Break::kind)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(3L, Kind.EDITED),
					org.assertj.core.groups.Tuple.tuple(5L, Kind.MISSING));
	}

	@Test
	void timestampLevelAndMessageAreCoveredByTheHash() throws IOException {
		writeRecords(4);
		List<String> lines = lines();
		lines.set(1, lines.get(1).replaceFirst("\"@timestamp\":\"\\d{4}", "\"@timestamp\":\"1999"));
		lines.set(2, lines.get(2).replace("\"level\":\"INFO\"", "\"level\":\"DEBUG\""));
		lines.set(3, lines.get(3).replace("\"message\":\"Audit LOGIN success\"", "\"message\":\"Audit LOGIN ok\""));
		Files.write(auditFile(), lines);
		assertThat(verify().breaks()).extracting(Break::sequence, Break::kind)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(2L, Kind.EDITED),
					org.assertj.core.groups.Tuple.tuple(3L, Kind.EDITED),
					org.assertj.core.groups.Tuple.tuple(4L, Kind.EDITED));
	}

	@Test
	void recordsDeletedFromTheFrontAreDetected() throws IOException {
		writeRecords(5);
		List<String> lines = lines();
		Files.write(auditFile(), lines.subList(3, lines.size()));
		assertThat(verify().breaks()).singleElement().satisfies((found) -> {
			assertThat(found.kind()).isEqualTo(Kind.TRUNCATED_FRONT);
			assertThat(found.problem()).contains("records 1 to 3 are missing");
		});
	}

	@Test
	void deletingAllButTheNewestFileIsDetectedAndRotationWritesAnAnchor() throws IOException {
		String[] rolling = { "structured-logging.file.audit.max-file-size=2KB" };
		AuditLogger audit = start(rolling).getBean(AuditLogger.class);
		for (int i = 0; i < 40; i++) {
			audit.event("LOGIN").principal("user-" + i).detail("note", "x".repeat(100)).success();
		}
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> rotationAnchors().size() >= 2);
		this.application.stop();
		assertThat(rotationAnchors()).allSatisfy((anchor) -> assertThat(
				anchor.path("audit_details").path("first_sequence").asLong()).isEqualTo(1));
		assertThat(verify().breaks()).isEmpty();
		List<Path> files = AuditFiles.inOrder(this.logs);
		assertThat(files).hasSizeGreaterThan(2);
		for (Path file : files.subList(0, files.size() - 1)) {
			Files.delete(file);
		}
		assertThat(verify().breaks()).first().satisfies((found) -> {
			assertThat(found.kind()).isEqualTo(Kind.TRUNCATED_FRONT);
			assertThat(found.sequence()).isEqualTo(1);
		});
	}

	@Test
	void filesDeletedByRetentionAreNotReportedOnceAnAnchorVouchesForTheRest() throws IOException {
		String[] rolling = { "structured-logging.file.audit.max-file-size=2KB",
				"structured-logging.file.audit.max-history=30d" };
		AuditLogger audit = start(rolling).getBean(AuditLogger.class);
		for (int i = 0; i < 40; i++) {
			audit.event("LOGIN").principal("user-" + i).detail("note", "x".repeat(100)).success();
		}
		this.application.stop();
		List<Path> rolled = AuditFiles.inOrder(this.logs);
		rolled = rolled.subList(0, rolled.size() - 1);
		assertThat(rolled).hasSizeGreaterThan(2);
		// Dated as if the first file were past its retention and the next one just within it.
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		Path expired = redate(rolled.get(0), today.minusDays(60));
		for (Path file : rolled.subList(1, rolled.size())) {
			redate(file, today.minusDays(29));
		}
		start(rolling);
		this.application.stop();
		// Gone, whether or not logback's clean-up on start got to it first.
		Files.deleteIfExists(expired);
		assertThat(verify().breaks()).isEmpty();
	}

	@Test
	void emptyDirectoryAndRecordsMissingAtTheEndAreReported() throws IOException {
		ByteArrayOutputStream report = new ByteArrayOutputStream();
		assertThat(AuditVerifier.run(new String[] { this.logs.toString() }, KEY,
				new PrintStream(report, true, StandardCharsets.UTF_8))).isEqualTo(1);
		assertThat(report.toString(StandardCharsets.UTF_8)).contains("no audit records found");
		writeRecords(3);
		List<Path> files = AuditFiles.inOrder(this.logs);
		ChainPosition written = AuditFiles.lastPosition(files);
		assertThat(new AuditVerifier(KEY).verify(files, written).breaks()).isEmpty();
		ChainPosition further = new ChainPosition(written.sequence() + 2, written.hash());
		assertThat(new AuditVerifier(KEY).verify(files, further).breaks()).singleElement()
			.satisfies((found) -> assertThat(found.kind()).isEqualTo(Kind.TRUNCATED_END));
		assertThat(new AuditVerifier(KEY).verify(List.of(), written).valid()).isFalse();
	}

	@Test
	void lastLineCutShortIsReportedAndTheChainGoesOnAfterAGapRecord() throws IOException {
		writeRecords(3);
		String text = Files.readString(auditFile());
		Files.writeString(auditFile(), text.substring(0, text.length() - 40));
		AuditLogger audit = start().getBean(AuditLogger.class);
		audit.event("LOGIN").principal("after-restart").success();
		this.application.stop();
		List<JsonNode> records = new ArrayList<>();
		for (String line : lines()) {
			if (line.endsWith("}")) {
				records.add(JsonLines.parse(line).all().get(0));
			}
		}
		assertThat(records).filteredOn((record) -> AuditAnchors.GAP.equals(record.path("audit_event").asString()))
			.singleElement()
			.satisfies((gap) -> {
				assertThat(gap.path("audit_sequence").asLong()).isEqualTo(4);
				assertThat(gap.path("audit_reason").asString()).contains("not a complete record");
			});
		assertThat(records).anySatisfy((record) -> assertThat(record.path("audit_principal").asString())
			.isEqualTo("after-restart"));
		assertThat(verify().breaks()).singleElement().satisfies((found) -> {
			assertThat(found.kind()).isEqualTo(Kind.UNREADABLE);
			assertThat(found.problem()).contains("line 4 of audit.json");
		});
	}

	@Test
	void recordsAreWrittenWhateverTheLoggerLevels() {
		AuditLogger audit = start("logging.level.root=WARN", "logging.level." + AuditTrail.LOGGER_NAME + "=OFF")
			.getBean(AuditLogger.class);
		audit.event("LOGIN").principal("quiet-hours").success();
		this.application.stop();
		assertThat(JsonLines.read(auditFile()).all())
			.anySatisfy((record) -> assertThat(record.path("audit_principal").asString()).isEqualTo("quiet-hours"));
		assertThat(verify().breaks()).isEmpty();
	}

	@Test
	void linesLoggedWithTheAuditMarkerStayInTheApplicationStreamWithAWarning() throws IOException {
		ConfigurableApplicationContext context = start();
		AuditLogger audit = context.getBean(AuditLogger.class);
		LoggerFactory.getLogger("com.example.Admin")
			.atInfo()
			.addMarker(LogStreams.marker(LogStreams.AUDIT))
			.log("Order cancelled by admin");
		audit.event("LOGIN").principal("alice").success();
		Path applicationFile = this.logs.resolve("application.json");
		// The warning is logged from another thread.
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> {
			context.getBean(StructuredLoggingRuntime.class).flush(Duration.ofSeconds(5));
			return Files.exists(applicationFile) && Files.readString(applicationFile).contains("AuditLogger bean");
		});
		this.application.stop();
		assertThat(Files.readString(auditFile())).doesNotContain("Order cancelled by admin");
		JsonLines application = JsonLines.read(this.logs.resolve("application.json"));
		assertThat(application.withMessage("Order cancelled by admin").path("log_stream").asString())
			.isEqualTo("application");
		assertThat(application.anyMatch((line) -> "WARN".equals(line.path("level").asString())
				&& line.path("message").asString().contains("com.example.Admin")
				&& line.path("message").asString().contains("AuditLogger"))).isTrue();
		assertThat(verify().breaks()).isEmpty();
	}

	@Test
	void objectsAndArraysInDetailsAreMaskedAndCoveredAsWritten() throws IOException {
		AuditLogger audit = start().getBean(AuditLogger.class);
		audit.event("PAYMENT_METHOD_ADDED")
			.detail("card", new Card("alice", "4111111111111111"))
			.detail("notes", new String[] { "password=hunter2", "fine" })
			.success();
		this.application.stop();
		String written = Files.readString(auditFile());
		assertThat(written).doesNotContain("4111111111111111").doesNotContain("hunter2").contains("fine");
		assertThat(verify().breaks()).isEmpty();
	}

	@Test
	void sinksReceiveTheRecordAsWrittenMaskedWithTheCredentialNeverThePrincipal() {
		ConfigurableApplicationContext context = start();
		List<AuditRecord> received = new java.util.concurrent.CopyOnWriteArrayList<>();
		context.getBean(AuditTrail.class).setSinks(List.of((record, sequence) -> received.add(record)));
		context.getBean(AuditLogger.class)
			.event("PASSWORD_CHANGED")
			.principal("u".repeat(500))
			.detail("new_password", "hunter2")
			.detail("note", "card 4111111111111111")
			.success();
		assertThat(received).singleElement().satisfies((record) -> {
			assertThat(record.details().get("new_password")).isEqualTo("[REDACTED]");
			assertThat(record.details().get("note")).isEqualTo("card [REDACTED]");
			assertThat(record.principal()).hasSize(128);
		});
	}

	record Card(String holder, String number) {
	}

	private List<JsonNode> rotationAnchors() {
		List<JsonNode> anchors = new ArrayList<>();
		for (Path file : AuditFiles.inOrder(this.logs)) {
			try (java.io.BufferedReader reader = AuditFiles.open(file)) {
				reader.lines()
					.filter((line) -> line.contains(AuditAnchors.ANCHOR) && line.contains("rotation"))
					.forEach((line) -> anchors.add(JsonLines.parse(line).all().get(0)));
			}
			catch (IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
		}
		return anchors;
	}

	private static Path redate(Path file, LocalDate date) throws IOException {
		String name = file.getFileName().toString().replaceFirst("\\d{4}-\\d{2}-\\d{2}", date.toString());
		return Files.move(file, file.resolveSibling(name));
	}

	private ConfigurableApplicationContext start(String... extra) {
		List<String> properties = new ArrayList<>(List.of("structured-logging.file.directory=" + this.logs,
				"structured-logging.audit.signing-key=" + KEY, "structured-logging.console.enabled=false"));
		properties.addAll(List.of(extra));
		return this.application.run(properties.toArray(String[]::new));
	}

	// The anchor written on start is record 1; user-i is record i + 1.
	private void writeRecords(int count) {
		AuditLogger audit = start().getBean(AuditLogger.class);
		for (int i = 1; i <= count; i++) {
			audit.event("LOGIN").principal("user-" + i).success();
		}
		this.application.stop();
	}

	private AuditVerification verify() {
		return new AuditVerifier(KEY).verify(AuditFiles.inOrder(this.logs));
	}

	private Path auditFile() {
		return this.logs.resolve("audit.json");
	}

	private List<String> lines() throws IOException {
		return new ArrayList<>(Files.readAllLines(auditFile(), StandardCharsets.UTF_8));
	}

}
