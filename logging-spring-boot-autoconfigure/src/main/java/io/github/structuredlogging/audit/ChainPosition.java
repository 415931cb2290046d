package io.github.structuredlogging.audit;

/**
 * Where the audit chain stands: the last record's sequence number and hash.
 *
 * @param sequence the last sequence number, 0 before the first record
 * @param hash the last hash, {@link AuditChain#GENESIS} before the first record
 */
public record ChainPosition(long sequence, String hash) {

	/** Before the first record. */
	public static final ChainPosition START = new ChainPosition(0, AuditChain.GENESIS);

}
