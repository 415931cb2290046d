package io.github.structuredlogging.audit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.github.structuredlogging.audit.AuditVerification.Break;
import io.github.structuredlogging.audit.AuditVerification.Kind;
import io.github.structuredlogging.json.LogField;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks the hash chain of audit files and reports every broken, missing, reordered or
 * inserted record.
 *
 * <pre>
 * java -cp logging-spring-boot-autoconfigure.jar:... io.github.structuredlogging.audit.AuditVerifier logs/audit*.json*
 * </pre>
 *
 * With a signing key, set it in the environment variable
 * {@code STRUCTURED_LOGGING_AUDIT_SIGNING_KEY}, never on the command line.
 */
public final class AuditVerifier {

	/** Environment variable the command line reads the signing key from. */
	public static final String SIGNING_KEY_VARIABLE = "STRUCTURED_LOGGING_AUDIT_SIGNING_KEY";

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private final AuditChain chain;

	/**
	 * Create a verifier.
	 * @param signingKey the HMAC key the records were written with, {@code null} for none
	 */
	public AuditVerifier(@Nullable String signingKey) {
		this.chain = new AuditChain(signingKey);
	}

	/**
	 * Verify the records of the given files, read in the given order, and report every
	 * break: edited, forged, missing, reordered or inserted records, lines that are not
	 * complete records, and records missing before the first one found.
	 * @param files the audit files, oldest first (see {@link AuditFiles#inOrder(Path)})
	 * @return what was found
	 */
	public AuditVerification verify(List<Path> files) {
		return verify(files, null);
	}

	/**
	 * Verify the records of the given files, as {@link #verify(List)} does, and that they
	 * reach where the trail that wrote them stands.
	 * @param files the audit files, oldest first
	 * @param written where the trail stands, {@code null} when unknown
	 * @return what was found
	 */
	public AuditVerification verify(List<Path> files, @Nullable ChainPosition written) {
		Walk walk = new Walk();
		for (Path file : files) {
			try (BufferedReader reader = AuditFiles.open(file)) {
				int number = 0;
				for (String line = reader.readLine(); line != null; line = reader.readLine()) {
					number++;
					if (!line.isBlank()) {
						walk.line(line, file, number);
					}
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return walk.end(written);
	}

	private final class Walk {

		private final List<Break> breaks = new ArrayList<>();

		private long records;

		private @Nullable Long first;

		private @Nullable Long anchoredFirst;

		private @Nullable Long previousSequence;

		private @Nullable String previousHash;

		void line(String line, Path file, int number) {
			JsonNode record = AuditFiles.record(line);
			if (record == null) {
				long expected = (this.previousSequence != null) ? this.previousSequence + 1 : 1;
				this.breaks.add(new Break(expected, Kind.UNREADABLE,
						"line " + number + " of " + file.getFileName() + " is not a complete audit record"));
				return;
			}
			this.records++;
			String recordedHash = LogField.AUDIT_HASH.in(record).asString();
			long sequence = LogField.AUDIT_SEQUENCE.in(record).asLong();
			String recordedPrevious = LogField.AUDIT_PREVIOUS_HASH.in(record).asString("");
			if (this.previousSequence == null) {
				this.first = sequence;
				if (sequence == 1 && !AuditChain.GENESIS.equals(recordedPrevious)) {
					this.breaks.add(new Break(sequence, Kind.UNLINKED, "record 1 does not start the chain"));
				}
			}
			else if (sequence > this.previousSequence + 1) {
				this.breaks.add(new Break(this.previousSequence + 1, Kind.MISSING,
						range(this.previousSequence + 1, sequence - 1) + " missing"));
			}
			else if (sequence <= this.previousSequence) {
				this.breaks.add(new Break(sequence, Kind.OUT_OF_ORDER,
						"record " + sequence + " comes after record " + this.previousSequence));
			}
			else if (!recordedPrevious.equals(this.previousHash)) {
				this.breaks.add(new Break(sequence, Kind.UNLINKED,
						"record " + sequence + " does not link to the hash of record " + this.previousSequence));
			}
			String hash = AuditVerifier.this.chain.hash(recordedPrevious, CanonicalForm.of(hashedFields(record)));
			if (!hash.equals(recordedHash)) {
				this.breaks.add(new Break(sequence, Kind.EDITED, "record " + sequence
						+ " does not match its hash: it was changed, or written without the signing key"));
			}
			Long anchored = AuditAnchors.firstSequenceOf(record);
			if (anchored != null) {
				this.anchoredFirst = anchored;
			}
			// Go on from what the line says, so that each break is reported once.
			this.previousSequence = sequence;
			this.previousHash = recordedHash;
		}

		AuditVerification end(@Nullable ChainPosition written) {
			if (this.first == null) {
				this.breaks.add(new Break(1, Kind.TRUNCATED_FRONT, "no audit records found"));
				return AuditVerification.of(0, this.breaks);
			}
			long expectedFirst = (this.anchoredFirst != null) ? this.anchoredFirst : 1;
			if (this.first > expectedFirst) {
				this.breaks.add(0, new Break(expectedFirst, Kind.TRUNCATED_FRONT,
						range(expectedFirst, this.first - 1) + " missing before the first record found"));
			}
			if (written != null && this.previousSequence != null && written.sequence() > this.previousSequence) {
				this.breaks.add(new Break(this.previousSequence + 1, Kind.TRUNCATED_END,
						range(this.previousSequence + 1, written.sequence())
								+ " missing after the last record found"));
			}
			return AuditVerification.of(this.records, this.breaks);
		}

		private static String range(long from, long to) {
			return (from == to) ? "record " + from + " is" : "records " + from + " to " + to + " are";
		}

	}

	// Read under the names of whichever layout wrote the line.
	static Map<String, @Nullable Object> hashedFields(JsonNode record) {
		Map<String, @Nullable Object> fields = new HashMap<>();
		for (LogField field : CanonicalForm.HASHED) {
			JsonNode value = field.in(record);
			if (!value.isMissingNode() && !value.isNull()) {
				fields.put(field.key(), MAPPER.convertValue(value, Object.class));
			}
		}
		fields.computeIfPresent(LogField.TIMESTAMP.key(), (key, time) -> CanonicalForm.instant(time.toString()));
		return fields;
	}

	/**
	 * Verify the audit files named on the command line; exits 0 when the chain is valid, 1
	 * when it is broken, 2 on bad usage.
	 * @param args the files, oldest first; a directory stands for its audit files
	 */
	public static void main(String[] args) {
		System.exit(run(args, System.getenv(SIGNING_KEY_VARIABLE), System.out));
	}

	/**
	 * Verify the given audit files and report on the given stream.
	 * @param args the files, oldest first; a directory stands for its audit files
	 * @param signingKey the HMAC key, {@code null} for none
	 * @param out where the report goes
	 * @return 0 when the chain is valid, 1 when it is broken, 2 on bad usage
	 */
	public static int run(String[] args, @Nullable String signingKey, PrintStream out) {
		if (args.length == 0) {
			out.println("usage: AuditVerifier <audit files or log directory>...");
			return 2;
		}
		List<Path> files = new ArrayList<>();
		for (String arg : args) {
			Path path = Path.of(arg);
			files.addAll(Files.isDirectory(path) ? AuditFiles.inOrder(path) : List.of(path));
		}
		AuditVerification result = new AuditVerifier(signingKey).verify(files);
		if (result.valid()) {
			out.println("valid: " + result.records() + " records");
			return 0;
		}
		out.println("broken: " + result.breaks().size() + " breaks in " + result.records() + " records");
		for (Break found : result.breaks()) {
			out.println("  at record " + found.sequence() + ", " + found.kind().name().toLowerCase(Locale.ROOT)
					+ ": " + found.problem());
		}
		return 1;
	}

}
