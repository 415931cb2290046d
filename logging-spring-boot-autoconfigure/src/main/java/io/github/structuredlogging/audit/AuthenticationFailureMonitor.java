package io.github.structuredlogging.audit;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.jspecify.annotations.Nullable;

/**
 * Counts failed logins per client address and per user name within a window, and raises
 * one {@code SECURITY_ALERT} when either reaches the threshold, not one per further
 * failure. The counters live in size-capped caches, so a flood of distinct addresses
 * cannot exhaust the heap.
 */
public final class AuthenticationFailureMonitor {

	private static final int MAX_TRACKED = 10_000;

	private final int threshold;

	private final Supplier<AuditTrail.RequestOrigin> origin;

	private final Cache<String, Failures> byClient;

	private final Cache<String, Failures> byUser;

	/**
	 * Create a monitor.
	 * @param threshold failures that raise an alert
	 * @param window how long failures count
	 * @param origin tells where the current request comes from
	 */
	public AuthenticationFailureMonitor(int threshold, Duration window, Supplier<AuditTrail.RequestOrigin> origin) {
		this.threshold = threshold;
		this.origin = origin;
		this.byClient = Caffeine.newBuilder().maximumSize(MAX_TRACKED).expireAfterWrite(window).build();
		this.byUser = Caffeine.newBuilder().maximumSize(MAX_TRACKED).expireAfterWrite(window).build();
	}

	void failed(AuditTrail trail, @Nullable String userName) {
		String clientIp = this.origin.get().clientIp();
		boolean knownUser = userName != null && !userName.isEmpty();
		// An unknown address or user gets a throwaway counter, which never alerts alone.
		Failures client = (clientIp != null) ? this.byClient.get(clientIp, (key) -> new Failures()) : new Failures();
		Failures user = knownUser ? this.byUser.get(userName, (key) -> new Failures()) : new Failures();
		int clientCount = client.count.incrementAndGet();
		int userCount = user.count.incrementAndGet();
		// One alert per attack: the same failures seen from the address and the user name
		// raise it once.
		boolean clientReached = clientIp != null && clientCount >= this.threshold;
		boolean userReached = knownUser && userCount >= this.threshold;
		if ((clientReached || userReached) && !client.alerted.get() && !user.alerted.get()
				&& client.alerted.compareAndSet(false, true) && user.alerted.compareAndSet(false, true)) {
			int count = Math.max(clientReached ? clientCount : 0, userReached ? userCount : 0);
			trail.record(new AuditRecord("SECURITY_ALERT", "brute_force_suspected", AuditOutcome.DENIED, userName,
					clientReached ? "client_ip" : "user_name", clientReached ? clientIp : userName,
					count + " failed logins within the window", Map.of("failed_attempts_from_client", clientCount,
							"failed_attempts_for_user", userCount, "threshold", this.threshold,
							"risk_score", riskScore(count))));
		}
	}

	// 50 at the threshold, up to 100 as failures pile up.
	private int riskScore(int count) {
		return Math.min(100, 50 + 50 * (count - this.threshold) / Math.max(1, this.threshold));
	}

	private static final class Failures {

		private final AtomicInteger count = new AtomicInteger();

		private final AtomicBoolean alerted = new AtomicBoolean();

	}

}
