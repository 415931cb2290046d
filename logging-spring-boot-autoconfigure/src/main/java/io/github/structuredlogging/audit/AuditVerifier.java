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
import java.util.Map;

import io.github.structuredlogging.json.LogField;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks the hash chain of audit files and reports the first broken, missing, reordered or
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
	 * Verify the records of the given files, read in the given order.
	 * @param files the audit files, oldest first (see {@link AuditFiles#inOrder(Path)})
	 * @return what was found
	 */
	public AuditVerification verify(List<Path> files) {
		long records = 0;
		Long previousSequence = null;
		String previousHash = null;
		for (Path file : files) {
			try (BufferedReader reader = AuditFiles.open(file)) {
				for (String line = reader.readLine(); line != null; line = reader.readLine()) {
					if (line.isBlank()) {
						continue;
					}
					long expected = (previousSequence != null) ? previousSequence + 1 : 1;
					JsonNode record = parse(line);
					if (record == null || !LogField.AUDIT_SEQUENCE.in(record).isIntegralNumber()) {
						return AuditVerification.broken(records, expected, "unreadable record in " + file);
					}
					long sequence = LogField.AUDIT_SEQUENCE.in(record).asLong();
					String recordedPrevious = LogField.AUDIT_PREVIOUS_HASH.in(record).asString("");
					if (previousSequence != null && sequence != expected) {
						return AuditVerification.broken(records, expected, (sequence > expected)
								? "record " + expected + " is missing" : "record " + sequence + " is out of order");
					}
					if (previousHash != null && !previousHash.equals(recordedPrevious)) {
						return AuditVerification.broken(records, sequence, "previous hash does not match record "
								+ (sequence - 1));
					}
					if (previousHash == null && sequence == 1 && !AuditChain.GENESIS.equals(recordedPrevious)) {
						return AuditVerification.broken(records, sequence, "first record does not start the chain");
					}
					String hash = this.chain.hash(recordedPrevious, CanonicalForm.of(hashedFields(record)));
					if (!hash.equals(LogField.AUDIT_HASH.in(record).asString(""))) {
						return AuditVerification.broken(records, sequence, "hash does not match the record's content");
					}
					records++;
					previousSequence = sequence;
					previousHash = hash;
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return AuditVerification.valid(records);
	}

	private static @Nullable JsonNode parse(String line) {
		try {
			return MAPPER.readTree(line);
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	// Read under the names of whichever layout wrote the line.
	private static Map<String, @Nullable Object> hashedFields(JsonNode record) {
		Map<String, @Nullable Object> fields = new HashMap<>();
		for (LogField field : CanonicalForm.HASHED) {
			JsonNode value = field.in(record);
			if (!value.isMissingNode() && !value.isNull()) {
				fields.put(field.key(), MAPPER.convertValue(value, Object.class));
			}
		}
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
		out.println("broken at record " + result.brokenAt() + ": " + result.problem() + " (" + result.records()
				+ " records verified before it)");
		return 1;
	}

}
