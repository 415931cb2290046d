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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import io.github.structuredlogging.api.LogStreams;
import io.github.structuredlogging.audit.AuditVerification.Break;
import io.github.structuredlogging.audit.AuditVerification.Kind;
import io.github.structuredlogging.autoconfigure.logging.TestApplication;
import io.github.structuredlogging.logback.SyncingFileAppender;
import io.github.structuredlogging.runtime.StructuredLogbackPipeline;
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
 * The audit trail written by a real application to its audit file, and its chain checked
 * by the verifier: what the chain covers, and what the verifier reports on files that
 * were then damaged, cut short, truncated or written around.
 */
class AuditTrailTests {

	private static final String KEY = "audit-signing-key-for-tests-of-32-bytes";

	@RegisterExtension
	final TestApplication application = new TestApplication();

	@TempDir
	Path logs;

	@Test
	void recordCarriesItsFieldsMaskedAndChained() {
		AuditLogger audit = start().getBean(AuditLogger.class);
		audit.event("CONFIG_CHANGED")
			.action("update")
			.principal("admin")
			.resource("feature-flag", "checkout-v2")
			.detail("old_value", false)
			.detail("new_value", true)
			.detail("password", "hunter2")
			.detail("amount", new java.math.BigDecimal("24.90"))
			.success();
		audit.event("API_KEY_USED").principal("svc-billing").reason("key sk-1234567890abcdefghijkl").denied();
		this.application.stop();
		List<JsonNode> all = JsonLines.read(this.logs.resolve("audit.json")).all();
		assertThat(all).hasSize(3);
		JsonNode anchor = all.get(0);
		assertThat(anchor.path("audit_event").asString()).isEqualTo(AuditAnchors.ANCHOR);
		assertThat(anchor.path("audit_details").path("first_sequence").asLong()).isEqualTo(1);
		assertThat(anchor.path("audit_prev_hash").asString()).isEqualTo(AuditChain.GENESIS);
		List<JsonNode> records = all.subList(1, 3);
		JsonNode first = records.get(0);
		assertThat(first.path("log_stream").asString()).isEqualTo("audit");
		assertThat(first.path("audit_event").asString()).isEqualTo("CONFIG_CHANGED");
		assertThat(first.path("audit_outcome").asString()).isEqualTo("success");
		assertThat(first.path("audit_resource_type").asString()).isEqualTo("feature-flag");
		assertThat(first.path("audit_details").path("new_value").asBoolean()).isTrue();
		assertThat(first.path("audit_details").path("password").asString()).isEqualTo("[REDACTED]");
		assertThat(first.path("audit_details").path("amount").asString()).isEqualTo("24.90");
		assertThat(first.path("audit_sequence").asLong()).isEqualTo(2);
		assertThat(first.path("audit_prev_hash").asString()).isEqualTo(anchor.path("audit_hash").asString());
		JsonNode second = records.get(1);
		assertThat(second.path("level").asString()).isEqualTo("WARN");
		assertThat(second.path("audit_reason").asString()).isEqualTo("key sk-1234...ijkl");
		assertThat(second.path("audit_prev_hash").asString()).isEqualTo(first.path("audit_hash").asString());
		assertThat(verify().breaks()).isEmpty();
		assertThat(verify().records()).isEqualTo(3);
	}

	@Test
	void sixteenThreadsRecordTenThousandEventsGapFreeAndChained() throws Exception {
		AuditLogger audit = start("structured-logging.console.enabled=false").getBean(AuditLogger.class);
		ExecutorService threads = Executors.newFixedThreadPool(16);
		for (int t = 0; t < 16; t++) {
			int thread = t;
			threads.submit(() -> {
				for (int i = 0; i < 625; i++) {
					audit.event("DATA_ACCESS").action("read").resource("order", thread + "-" + i).success();
				}
			});
		}
		threads.shutdown();
		assertThat(threads.awaitTermination(120, TimeUnit.SECONDS)).isTrue();
		this.application.stop();
		List<JsonNode> records = JsonLines.read(this.logs.resolve("audit.json")).all();
		assertThat(records).hasSize(10_001);
		assertThat(records.stream().mapToLong((record) -> record.path("audit_sequence").asLong()).toArray())
			.containsExactly(LongStream.rangeClosed(1, 10_001).toArray());
		assertThat(verify().breaks()).isEmpty();
	}

	@Test
	void editedFieldIsDetectedAtItsRecord() throws IOException {
		writeRecords(5);
		replaceLine(3, (line) -> line.replace("\"audit_principal\":\"user-2\"", "\"audit_principal\":\"someone\""));
		assertThat(verify().brokenAt()).isEqualTo(3);
		assertThat(verify().problem()).contains("hash");
	}

	@Test
	void deletedLineIsDetectedAsMissing() throws IOException {
		writeRecords(5);
		List<String> lines = lines();
		lines.remove(2);
		Files.write(auditFile(), lines);
		assertThat(verify().brokenAt()).isEqualTo(3);
		assertThat(verify().problem()).contains("missing");
	}

	@Test
	void swappedLinesAreDetected() throws IOException {
		writeRecords(5);
		List<String> lines = lines();
		String third = lines.get(2);
		lines.set(2, lines.get(3));
		lines.set(3, third);
		Files.write(auditFile(), lines);
		assertThat(verify().brokenAt()).isEqualTo(3);
	}

	@Test
	void forgedLineWithoutTheKeyIsDetected() throws IOException {
		writeRecords(3);
		List<String> lines = lines();
		assertThat(verify().breaks()).as("with the key, the same forgery would pass").isEmpty();
		lines.add(forgedAfterLast(lines, new AuditChain(KEY)));
		Files.write(auditFile(), lines);
		assertThat(verify().breaks()).isEmpty();
		lines.set(lines.size() - 1, forgedAfterLast(lines.subList(0, lines.size() - 1), new AuditChain(null)));
		Files.write(auditFile(), lines);
		assertThat(verify().breaks()).singleElement().satisfies((found) -> {
			assertThat(found.sequence()).isEqualTo(5);
			assertThat(found.kind()).isEqualTo(AuditVerification.Kind.EDITED);
		});
	}

	// A copy of the last record as the next one, hashed over its real canonical form.
	private static String forgedAfterLast(List<String> lines, AuditChain chain) {
		tools.jackson.databind.json.JsonMapper mapper = tools.jackson.databind.json.JsonMapper.builder().build();
		JsonNode last = mapper.readTree(lines.get(lines.size() - 1));
		String previous = last.path("audit_hash").asString();
		String forged = lines.get(lines.size() - 1)
			.replace("\"audit_sequence\":" + last.path("audit_sequence").asLong(),
					"\"audit_sequence\":" + (last.path("audit_sequence").asLong() + 1))
			.replace(last.path("audit_prev_hash").asString(), previous)
			.replace("user-3", "mallory");
		String hash = chain.hash(previous, CanonicalForm.of(AuditVerifier.hashedFields(mapper.readTree(forged))));
		return forged.replace("\"audit_hash\":\"" + previous + "\"", "\"audit_hash\":\"" + hash + "\"");
	}

	@Test
	void chainContinuesAcrossARestartAndRotation() {
		String[] rolling = { "structured-logging.file.audit.max-file-size=2KB" };
		AuditLogger audit = start(rolling).getBean(AuditLogger.class);
		for (int i = 0; i < 20; i++) {
			audit.event("LOGIN").principal("user-" + i).detail("note", "x".repeat(100)).success();
		}
		this.application.stop();
		audit = start(rolling).getBean(AuditLogger.class);
		for (int i = 20; i < 25; i++) {
			audit.event("LOGIN").principal("user-" + i).success();
		}
		this.application.stop();
		List<Path> files = AuditFiles.inOrder(this.logs);
		assertThat(files).hasSizeGreaterThan(1);
		assertThat(files.get(0).getFileName().toString()).endsWith(".json.gz");
		assertThat(new AuditVerifier(KEY).verify(files).breaks()).isEmpty();
		assertThat(records(files)).filteredOn((record) -> "LOGIN".equals(record.path("audit_event").asString()))
			.hasSize(25);
	}

	@Test
	void commandLineReportsTheBrokenRecordAndExitsNonZero() throws IOException {
		writeRecords(3);
		java.io.ByteArrayOutputStream report = new java.io.ByteArrayOutputStream();
		java.io.PrintStream out = new java.io.PrintStream(report, true, StandardCharsets.UTF_8);
		assertThat(AuditVerifier.run(new String[] { this.logs.toString() }, KEY, out)).isZero();
		assertThat(report.toString(StandardCharsets.UTF_8)).contains("valid: 4 records");
		replaceLine(3, (line) -> line.replace("user-2", "user-9"));
		assertThat(AuditVerifier.run(new String[] { auditFile().toString() }, KEY, out)).isEqualTo(1);
		assertThat(report.toString(StandardCharsets.UTF_8)).contains("at record 3, edited");
		assertThat(AuditVerifier.run(new String[0], KEY, out)).isEqualTo(2);
	}

	@Test
	void everyEventPolicyForcesEachRecordToDisk() {
		AuditLogger audit = start("structured-logging.audit.fsync=every-event").getBean(AuditLogger.class);
		for (int i = 0; i < 5; i++) {
			audit.event("LOGIN").principal("user-" + i).success();
		}
		SyncingFileAppender<?> file = auditAppender();
		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> file.syncs() >= 5);
	}

	@Test
	void auditFileIsForcedToDiskEverySecondByDefault() {
		start();
		assertThat(auditAppender()).isNotNull();
	}

	@SuppressWarnings("unchecked")
	private static SyncingFileAppender<?> auditAppender() {
		ch.qos.logback.classic.Logger root = ((ch.qos.logback.classic.LoggerContext) org.slf4j.LoggerFactory
			.getILoggerFactory()).getLogger(ch.qos.logback.classic.Logger.ROOT_LOGGER_NAME);
		ch.qos.logback.core.spi.AppenderAttachable<ch.qos.logback.classic.spi.ILoggingEvent> async = (ch.qos.logback.core.spi.AppenderAttachable<ch.qos.logback.classic.spi.ILoggingEvent>) root
			.getAppender(StructuredLogbackPipeline.WRITER_APPENDER);
		ch.qos.logback.core.spi.AppenderAttachable<ch.qos.logback.classic.spi.ILoggingEvent> files = (ch.qos.logback.core.spi.AppenderAttachable<ch.qos.logback.classic.spi.ILoggingEvent>) async
			.iteratorForAppenders()
			.next();
		return (SyncingFileAppender<?>) files.getAppender(StructuredLogbackPipeline.FILE_APPENDER_PREFIX + "AUDIT");
	}

	@Test
	void wrongKeyFailsVerification() {
		writeRecords(2);
		assertThat(new AuditVerifier("another-key").verify(AuditFiles.inOrder(this.logs)).valid()).isFalse();
	}

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

	private org.springframework.context.ConfigurableApplicationContext start(String... extra) {
		List<String> properties = new ArrayList<>(List.of("structured-logging.file.directory=" + this.logs,
				"structured-logging.audit.signing-key=" + KEY));
		properties.addAll(List.of(extra));
		return this.application.run(properties.toArray(String[]::new));
	}

	private void writeRecords(int count) {
		AuditLogger audit = start("structured-logging.console.enabled=false").getBean(AuditLogger.class);
		for (int i = 1; i <= count; i++) {
			audit.event("LOGIN").principal("user-" + i).success();
		}
		this.application.stop();
	}

	private static List<JsonNode> records(List<Path> files) {
		StringBuilder text = new StringBuilder();
		for (Path file : files) {
			try (java.io.BufferedReader reader = AuditFiles.open(file)) {
				reader.lines().forEach((line) -> text.append(line).append('\n'));
			}
			catch (IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
		}
		return JsonLines.parse(text.toString()).all();
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

	private void replaceLine(int sequence, java.util.function.UnaryOperator<String> change) throws IOException {
		List<String> lines = lines();
		lines.set(sequence - 1, change.apply(lines.get(sequence - 1)));
		Files.write(auditFile(), lines);
	}

}
