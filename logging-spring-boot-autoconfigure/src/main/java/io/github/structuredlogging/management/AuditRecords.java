package io.github.structuredlogging.management;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.structuredlogging.audit.AuditFiles;
import io.github.structuredlogging.audit.AuditVerification;
import io.github.structuredlogging.audit.AuditVerifier;
import io.github.structuredlogging.audit.ChainPosition;
import io.github.structuredlogging.json.LogField;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads audit records from the durable audit files, rolled ones included, newest first
 * and a page at a time, and verifies their hash chain.
 */
public final class AuditRecords {

	/** The parameters a query reads. */
	public static final Set<String> PARAMETERS = Set.of("event", "principal", "outcome", "since", "until", "limit",
			"cursor");

	/** The most records one page holds. */
	public static final int MAX_LIMIT = 1000;

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private final Path directory;

	private final AuditVerifier verifier;

	private final Supplier<@Nullable ChainPosition> written;

	/**
	 * Create a reader of the audit files in the given directory.
	 * @param directory the log directory
	 * @param verifier verifies the chain, with the signing key when there is one
	 * @param written tells where the trail that writes the files stands, once what it
	 * wrote is on disk; {@code null} when unknown
	 */
	public AuditRecords(Path directory, AuditVerifier verifier, Supplier<@Nullable ChainPosition> written) {
		this.directory = directory;
		this.verifier = verifier;
		this.written = written;
	}

	/**
	 * Return one page of the records that match, newest first.
	 * @param parameters the filters, {@code limit} and {@code cursor}
	 * @return the page
	 */
	public AuditPage find(Parameters parameters) {
		String event = parameters.text("event");
		String principal = parameters.text("principal");
		String outcome = parameters.text("outcome");
		Instant since = parameters.instant("since");
		Instant until = parameters.instant("until");
		int limit = parameters.integer("limit", 100, 1, MAX_LIMIT);
		long cursor = cursor(parameters);
		// Files are oldest first: keep the newest matching records before the cursor.
		Deque<JsonNode> newest = new ArrayDeque<>(limit + 1);
		boolean more = false;
		for (Path file : AuditFiles.inOrder(this.directory)) {
			try (BufferedReader reader = AuditFiles.open(file)) {
				for (String line = reader.readLine(); line != null; line = reader.readLine()) {
					JsonNode record = parse(line);
					if (record == null || LogField.AUDIT_SEQUENCE.in(record).asLong(-1) >= cursor
							|| !matches(record, event, principal, outcome, since, until)) {
						continue;
					}
					newest.addLast(record);
					if (newest.size() > limit) {
						newest.removeFirst();
						more = true;
					}
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not read audit file " + file, ex);
			}
		}
		List<JsonNode> page = new ArrayList<>(newest);
		Collections.reverse(page);
		Long next = (more && !page.isEmpty()) ? LogField.AUDIT_SEQUENCE.in(page.get(page.size() - 1)).asLong() : null;
		return new AuditPage(page, next);
	}

	/**
	 * Verify the hash chain of every audit file.
	 * @return the result
	 */
	public AuditVerification verify() {
		ChainPosition position = this.written.get();
		return this.verifier.verify(AuditFiles.inOrder(this.directory), position);
	}

	private static long cursor(Parameters parameters) {
		String cursor = parameters.text("cursor");
		if (cursor == null) {
			return Long.MAX_VALUE;
		}
		try {
			return Long.parseLong(cursor);
		}
		catch (NumberFormatException ex) {
			throw new InvalidParameterException("cursor", "'" + cursor + "' is not a cursor returned as 'next_cursor'");
		}
	}

	private static @Nullable JsonNode parse(String line) {
		try {
			return line.isBlank() ? null : MAPPER.readTree(line);
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	private static boolean matches(JsonNode record, @Nullable String event, @Nullable String principal,
			@Nullable String outcome, @Nullable Instant since, @Nullable Instant until) {
		if (!equalsIgnoreCase(event, LogField.AUDIT_EVENT.in(record).asString(""))
				|| !equalsIgnoreCase(principal, LogField.AUDIT_PRINCIPAL.in(record).asString(""))
				|| !equalsIgnoreCase(outcome, LogField.AUDIT_OUTCOME.in(record).asString(""))) {
			return false;
		}
		if (since == null && until == null) {
			return true;
		}
		Instant time = time(record);
		return time != null && (since == null || !time.isBefore(since)) && (until == null || !time.isAfter(until));
	}

	private static boolean equalsIgnoreCase(@Nullable String expected, String actual) {
		return expected == null || expected.equalsIgnoreCase(actual);
	}

	private static @Nullable Instant time(JsonNode record) {
		try {
			return Instant.parse(LogField.AUDIT_TIME.in(record).asString(""));
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	/**
	 * One page of audit records.
	 *
	 * @param records the records, newest first, as written
	 * @param nextCursor the cursor of the next, older page, {@code null} on the last page
	 */
	public record AuditPage(List<JsonNode> records,
			@JsonProperty("next_cursor") @Nullable Long nextCursor) {

	}

}
