package io.github.structuredlogging.audit;

/**
 * Told of every audit record once it is written, in sequence order. Define beans of this
 * type to send audit records elsewhere too.
 */
@FunctionalInterface
public interface AuditSink {

	/**
	 * Called once a record is written.
	 * @param record the record
	 * @param sequence its sequence number
	 */
	void accept(AuditRecord record, long sequence);

}
