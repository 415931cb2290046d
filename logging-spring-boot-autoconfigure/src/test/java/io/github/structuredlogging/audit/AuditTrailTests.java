package io.github.structuredlogging.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import io.github.structuredlogging.autoconfigure.logging.TestApplication;
import io.github.structuredlogging.logback.SyncingFileAppender;
import io.github.structuredlogging.runtime.StructuredLogbackPipeline;
import io.github.structuredlogging.testing.JsonLines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit trail written by a real application to its audit file, and its chain checked
 * by the verifier.
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
