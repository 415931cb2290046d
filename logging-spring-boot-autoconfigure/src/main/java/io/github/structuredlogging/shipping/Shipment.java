package io.github.structuredlogging.shipping;

import org.jspecify.annotations.Nullable;

/**
 * What a backend did with a batch it took.
 *
 * @param accepted events stored
 * @param duplicates events it already had (sent again after a retry), stored once
 * @param rejected events it refused for good (a line it cannot parse, a field its mapping
 * refuses); they are counted and not sent again
 * @param rejection why the last of those was refused, {@code null} when none was
 */
public record Shipment(int accepted, int duplicates, int rejected, @Nullable String rejection) {

	/**
	 * Return the outcome of a batch taken whole.
	 * @param size the number of events
	 * @return the outcome
	 */
	public static Shipment accepted(int size) {
		return new Shipment(size, 0, 0, null);
	}

	/**
	 * Return the outcome of a batch refused whole, for a reason sending it again would
	 * not change.
	 * @param size the number of events
	 * @param reason why
	 * @return the outcome
	 */
	public static Shipment rejected(int size, String reason) {
		return new Shipment(0, 0, size, reason);
	}

}
