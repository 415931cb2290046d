package io.github.structuredlogging.shipping;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * What one shipper has done, as the statistics, health and meters report it.
 *
 * @param name the shipper's name
 * @param state {@code shipping} when its last batch went through (or none was due),
 * {@code failing} while a batch keeps failing
 * @param source {@code file} when it reads the stream file, {@code memory} when a queue
 * @param sent events the backend stored
 * @param duplicates events the backend already had, after a retry
 * @param rejected events the backend refused for good, or that were not JSON
 * @param truncated events larger than the backend takes, shipped with their longest
 * values cut and {@code event_truncated} set
 * @param failed attempts that failed
 * @param retried batches sent again after a failure
 * @param dropped events lost before they could be shipped (a full queue, a file removed
 * by retention before it was read, a line cut short by a crash)
 * @param queued events read and not yet stored, plus those waiting in a queue
 * @param bytesBehind bytes written to the stream file and not yet read
 * @param heldFiles rolled files that retention (age, total size) would have removed and
 * keeps because this shipper has not shipped them yet
 * @param lagSeconds age of the oldest event not yet stored, 0 when caught up
 * @param lastError the last failure, {@code null} when none
 * @param lastErrorAt when it happened
 * @param lastShippedAt when a batch last went through
 * @param failingSince since when batches keep failing, {@code null} when they do not
 */
public record ShipperReport(String name, String state, String source, long sent, long duplicates, long rejected,
		long truncated, long failed, long retried, long dropped, long queued, @JsonProperty("bytes_behind") long bytesBehind,
		@JsonProperty("held_files") int heldFiles,
		@JsonProperty("lag_seconds") double lagSeconds, @JsonProperty("last_error") @Nullable String lastError,
		@JsonProperty("last_error_at") @Nullable Instant lastErrorAt,
		@JsonProperty("last_shipped_at") @Nullable Instant lastShippedAt,
		@JsonProperty("failing_since") @Nullable Instant failingSince) {

}
