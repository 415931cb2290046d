package io.github.structuredlogging.audit;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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

	private static final Duration COUNTRY_MEMORY = Duration.ofDays(30);

	private static final int NEW_COUNTRY_RISK = 60;

	private final int threshold;

	private final Supplier<AuditTrail.RequestOrigin> origin;

	private final Cache<String, Failures> byClient;

	private final Cache<String, Failures> byUser;

	// The countries each user has signed in or failed from, for the new-country signal.
	private final Cache<String, Set<String>> countriesByUser = Caffeine.newBuilder()
		.maximumSize(MAX_TRACKED)
		.expireAfterAccess(COUNTRY_MEMORY)
		.build();

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

	/**
	 * Remember where a user signed in from.
	 * @param userName the user
	 */
	void succeeded(@Nullable String userName) {
		String country = country(this.origin.get());
		if (userName != null && country != null) {
			this.countriesByUser.get(userName, (key) -> ConcurrentHashMap.newKeySet()).add(country);
		}
	}

	void failed(AuditTrail trail, @Nullable String userName) {
		AuditTrail.RequestOrigin requestOrigin = this.origin.get();
		newCountry(trail, userName, country(requestOrigin));
		String clientIp = requestOrigin.clientIp();
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

	// A failure from a country the user was never seen in is a signal of its own, once per
	// country.
	private void newCountry(AuditTrail trail, @Nullable String userName, @Nullable String country) {
		if (userName == null || userName.isEmpty() || country == null) {
			return;
		}
		Set<String> countries = this.countriesByUser.get(userName, (key) -> ConcurrentHashMap.newKeySet());
		List<String> before = countries.stream().sorted().toList();
		if (countries.add(country) && !before.isEmpty()) {
			trail.record(new AuditRecord("SECURITY_ALERT", "failure_from_new_country", AuditOutcome.DENIED, userName,
					"user_name", userName, "failed login from a country this user was not seen in",
					Map.of("country", country, "previous_countries", before, "risk_score", NEW_COUNTRY_RISK)));
		}
	}

	private static @Nullable String country(AuditTrail.RequestOrigin origin) {
		return (origin.geo() != null) ? origin.geo().country() : null;
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
