package io.github.structuredlogging.audit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.logging.LoggerConfiguration;
import org.springframework.boot.logging.LoggingSystem;

/**
 * Records who changed which logger's level through {@code /actuator/loggers}, from what
 * to what.
 */
public final class LogLevelChangeInterceptor implements MethodInterceptor {

	private final Supplier<AuditTrail> trail;

	private final Supplier<LoggingSystem> loggingSystem;

	private final Supplier<@Nullable String> principal;

	/**
	 * Create an interceptor around the loggers endpoint's write operation.
	 * @param trail supplies where the records go
	 * @param loggingSystem supplies the logging system, which tells the level before the change
	 * @param principal gives the current user, when any
	 */
	public LogLevelChangeInterceptor(Supplier<AuditTrail> trail, Supplier<LoggingSystem> loggingSystem,
			Supplier<@Nullable String> principal) {
		this.trail = trail;
		this.loggingSystem = loggingSystem;
		this.principal = principal;
	}

	@Override
	public @Nullable Object invoke(MethodInvocation invocation) throws Throwable {
		Object[] arguments = invocation.getArguments();
		String name = (arguments.length > 0 && arguments[0] instanceof String logger) ? logger : "ROOT";
		Object newLevel = (arguments.length > 1) ? arguments[1] : null;
		LoggerConfiguration before = this.loggingSystem.get().getLoggerConfiguration(name);
		Map<String, @Nullable Object> details = new LinkedHashMap<>();
		details.put("old_level", (before != null && before.getConfiguredLevel() != null)
				? before.getConfiguredLevel().name() : null);
		details.put("new_level", (newLevel != null) ? newLevel.toString() : null);
		// Recorded before it applies: the change may be the one that silences logging.
		this.trail.get().record(new AuditRecord("LOG_LEVEL_CHANGED", "configure", AuditOutcome.SUCCESS,
				this.principal.get(), "logger", name, null, details));
		try {
			return invocation.proceed();
		}
		catch (Throwable ex) {
			this.trail.get().record(new AuditRecord("LOG_LEVEL_CHANGED", "configure", AuditOutcome.FAILURE,
					this.principal.get(), "logger", name, ex.getClass().getName(), details));
			throw ex;
		}
	}

}
