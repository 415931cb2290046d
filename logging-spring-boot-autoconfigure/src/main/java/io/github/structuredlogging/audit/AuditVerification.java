package io.github.structuredlogging.audit;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What the verifier found: every break in the chain, not only the first.
 *
 * @param valid whether every record is in place and unchanged
 * @param records how many records were read
 * @param breaks every break found, in the order of the files
 */
public record AuditVerification(boolean valid, long records, List<Break> breaks) {

	public AuditVerification {
		breaks = List.copyOf(breaks);
	}

	/**
	 * Return the result for the given breaks.
	 * @param records how many records were read
	 * @param breaks the breaks found, none for a valid chain
	 * @return the result
	 */
	public static AuditVerification of(long records, List<Break> breaks) {
		return new AuditVerification(breaks.isEmpty(), records, breaks);
	}

	/**
	 * Return the sequence number where the chain first breaks.
	 * @return the sequence number, {@code null} when valid
	 */
	public @Nullable Long brokenAt() {
		return this.breaks.isEmpty() ? null : this.breaks.get(0).sequence();
	}

	/**
	 * Return what is wrong where the chain first breaks.
	 * @return the problem, {@code null} when valid
	 */
	public @Nullable String problem() {
		return this.breaks.isEmpty() ? null : this.breaks.get(0).problem();
	}

	/**
	 * Return this result with one more break.
	 * @param found the break
	 * @return the new result
	 */
	public AuditVerification with(Break found) {
		List<Break> all = new ArrayList<>(this.breaks);
		all.add(found);
		return of(this.records, all);
	}

	/**
	 * One break in the chain.
	 *
	 * @param sequence the sequence number of the record where it shows
	 * @param kind what kind of break it is
	 * @param problem what is wrong, in words
	 */
	public record Break(long sequence, Kind kind, String problem) {

	}

	/**
	 * The kinds of break.
	 */
	public enum Kind {

		/** A record's content does not match its hash: edited, or forged without the key. */
		EDITED,

		/** Records are missing between two others. */
		MISSING,

		/** A record is out of sequence order: swapped, or inserted. */
		OUT_OF_ORDER,

		/** A record does not link to the hash of the record before it. */
		UNLINKED,

		/** A line is not a complete, chained record, such as one cut short by a crash. */
		UNREADABLE,

		/** Records are missing before the first one found. */
		TRUNCATED_FRONT,

		/** Records the trail has written are missing after the last one found. */
		TRUNCATED_END

	}

}
