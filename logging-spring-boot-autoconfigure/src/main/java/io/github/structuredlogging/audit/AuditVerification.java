package io.github.structuredlogging.audit;

import org.jspecify.annotations.Nullable;

/**
 * What the verifier found.
 *
 * @param valid whether every record is in place and unchanged
 * @param records how many records were checked
 * @param brokenAt the sequence number of the first broken, missing, reordered or
 * inserted record, {@code null} when valid
 * @param problem what is wrong there, {@code null} when valid
 */
public record AuditVerification(boolean valid, long records, @Nullable Long brokenAt, @Nullable String problem) {

	/**
	 * Return the result for a valid chain.
	 * @param records how many records were checked
	 * @return the result
	 */
	public static AuditVerification valid(long records) {
		return new AuditVerification(true, records, null, null);
	}

	static AuditVerification broken(long records, long sequence, String problem) {
		return new AuditVerification(false, records, sequence, problem);
	}

}
