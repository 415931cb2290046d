package io.github.structuredlogging.debug;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import io.github.structuredlogging.runtime.PeriodicTask;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;
import org.slf4j.Marker;

import org.springframework.context.SmartLifecycle;

/**
 * The debug sessions of an application. While one is active, a logback turbo filter lets
 * DEBUG (and TRACE) events through for the requests it matched, which carry its ID in the
 * MDC ({@code debug_session}), and so do their {@code @Async} tasks; everyone else's
 * requests keep their levels. With no session active no filter is installed: the hot path
 * pays nothing.
 */
public final class DebugSessions implements SmartLifecycle {

	/** The MDC key of the session a request matched. */
	public static final String MDC_KEY = "debug_session";

	/** The longest a session may last. */
	public static final Duration MAX_DURATION = Duration.ofHours(1);

	/** The most sessions at once. */
	public static final int MAX_SESSIONS = 20;

	private final LoggerContext context;

	private final Clock clock;

	private final Consumer<Change> audit;

	private final Map<String, DebugSession> sessions = new ConcurrentHashMap<>();

	private final TurboFilter filter = new SessionFilter();

	private final PeriodicTask expiry;

	private volatile boolean installed;

	/**
	 * Create the sessions.
	 * @param context the logback context the filter is installed in
	 * @param clock the clock
	 * @param audit told of every session started, ended or expired
	 */
	public DebugSessions(LoggerContext context, Clock clock, Consumer<Change> audit) {
		this.context = context;
		this.clock = clock;
		this.audit = audit;
		this.expiry = new PeriodicTask("structured-logging-debug-sessions", Duration.ofSeconds(1),
				Duration.ofSeconds(1), this::expire);
		this.filter.setContext(context);
		this.filter.setName("STRUCTURED_DEBUG_SESSIONS");
		this.filter.start();
	}

	/**
	 * Start a session.
	 * @param user the user name to match, {@code null} for any
	 * @param correlationId the correlation ID to match, {@code null} for any
	 * @param header the header to match, as {@code Name: value}, {@code null} for any
	 * @param logger the prefix of the loggers to switch to DEBUG, empty for all
	 * @param duration how long it lasts, at most {@link #MAX_DURATION}
	 * @param startedBy who starts it
	 * @return the session
	 * @throws IllegalStateException when {@link #MAX_SESSIONS} are active
	 */
	public DebugSession start(@Nullable String user, @Nullable String correlationId, @Nullable String header,
			String logger, Duration duration, @Nullable String startedBy) {
		expire();
		if (this.sessions.size() >= MAX_SESSIONS) {
			throw new IllegalStateException(MAX_SESSIONS + " debug sessions are active already");
		}
		Instant now = this.clock.instant();
		DebugSession session = new DebugSession(UUID.randomUUID().toString(), user, correlationId, header, logger, now,
				now.plus(duration), startedBy);
		this.sessions.put(session.id(), session);
		install();
		this.audit.accept(new Change(session, "started", startedBy));
		return session;
	}

	/**
	 * End a session before it expires.
	 * @param id the session's ID
	 * @param endedBy who ends it
	 * @return the session, {@code null} when there is none of that ID
	 */
	public @Nullable DebugSession end(String id, @Nullable String endedBy) {
		DebugSession session = this.sessions.remove(id);
		if (session != null) {
			this.audit.accept(new Change(session, "ended", endedBy));
			uninstallIfIdle();
		}
		return session;
	}

	/**
	 * Return the active sessions.
	 * @return the sessions, oldest first
	 */
	public List<DebugSession> list() {
		List<DebugSession> list = new ArrayList<>(this.sessions.values());
		list.sort((a, b) -> a.startedAt().compareTo(b.startedAt()));
		return list;
	}

	/**
	 * Find the session a request matches.
	 * @param user the request's authenticated user
	 * @param correlationId the request's correlation ID
	 * @param headers reads the request's headers
	 * @return the first matching session, {@code null} for none
	 */
	@Nullable DebugSession matching(@Nullable String user, @Nullable String correlationId,
			DebugSession.Headers headers) {
		if (this.sessions.isEmpty()) {
			return null;
		}
		Instant now = this.clock.instant();
		for (DebugSession session : this.sessions.values()) {
			if (now.isBefore(session.expiresAt()) && session.matches(user, correlationId, headers)) {
				return session;
			}
		}
		return null;
	}

	/**
	 * Return whether any session is active: a request need not be looked at otherwise.
	 * @return {@code true} while one is
	 */
	boolean active() {
		return !this.sessions.isEmpty();
	}

	private void expire() {
		Instant now = this.clock.instant();
		for (DebugSession session : this.sessions.values()) {
			if (!now.isBefore(session.expiresAt()) && this.sessions.remove(session.id(), session)) {
				this.audit.accept(new Change(session, "expired", null));
			}
		}
		uninstallIfIdle();
	}

	private synchronized void install() {
		if (!this.installed) {
			this.context.addTurboFilter(this.filter);
			this.installed = true;
		}
	}

	private synchronized void uninstallIfIdle() {
		if (this.installed && this.sessions.isEmpty()) {
			this.context.getTurboFilterList().remove(this.filter);
			this.installed = false;
		}
	}

	@Override
	public void start() {
		this.expiry.start();
	}

	@Override
	public void stop() {
		this.expiry.stop();
		this.sessions.clear();
		uninstallIfIdle();
	}

	@Override
	public boolean isRunning() {
		return this.expiry.isRunning();
	}

	/**
	 * A session started, ended or expired, for the audit trail.
	 *
	 * @param session the session
	 * @param what {@code started}, {@code ended} or {@code expired}
	 * @param by who did it, {@code null} when it expired
	 */
	public record Change(DebugSession session, String what, @Nullable String by) {

	}

	// Lets a disabled event through when its thread works for a session's request and its
	// logger is under the session's prefix.
	private final class SessionFilter extends TurboFilter {

		@Override
		public FilterReply decide(@Nullable Marker marker, Logger logger, Level level, @Nullable String format,
				@Nullable Object[] params, @Nullable Throwable t) {
			if (level.isGreaterOrEqual(logger.getEffectiveLevel())) {
				return FilterReply.NEUTRAL;
			}
			String id = MDC.get(MDC_KEY);
			DebugSession session = (id != null) ? DebugSessions.this.sessions.get(id) : null;
			return (session != null && logger.getName().startsWith(session.logger())) ? FilterReply.ACCEPT
					: FilterReply.NEUTRAL;
		}

	}

}
