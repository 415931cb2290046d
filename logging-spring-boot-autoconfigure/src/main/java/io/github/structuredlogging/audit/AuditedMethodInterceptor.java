package io.github.structuredlogging.audit;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.function.Supplier;

import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.support.AopUtils;
import org.springframework.context.expression.MethodBasedEvaluationContext;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.expression.Expression;
import org.springframework.expression.ExpressionParser;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.util.ConcurrentReferenceHashMap;

/**
 * Records an audit event around each call of an {@link Audited} method.
 */
public final class AuditedMethodInterceptor implements MethodInterceptor {

	private static final ExpressionParser PARSER = new SpelExpressionParser();

	private static final ParameterNameDiscoverer PARAMETER_NAMES = new DefaultParameterNameDiscoverer();

	private final Map<String, Expression> expressions = new ConcurrentReferenceHashMap<>();

	private final Supplier<AuditTrail> trail;

	private final Supplier<@Nullable String> principal;

	/**
	 * Create an interceptor.
	 * @param trail supplies where the records go, asked for at the first audited call
	 * @param principal gives the current user, when any
	 */
	public AuditedMethodInterceptor(Supplier<AuditTrail> trail, Supplier<@Nullable String> principal) {
		this.trail = trail;
		this.principal = principal;
	}

	@Override
	public @Nullable Object invoke(MethodInvocation invocation) throws Throwable {
		Method method = invocation.getMethod();
		Class<?> targetClass = (invocation.getThis() != null) ? AopUtils.getTargetClass(invocation.getThis())
				: method.getDeclaringClass();
		Audited audited = AnnotatedElementUtils.findMergedAnnotation(AopUtils.getMostSpecificMethod(method, targetClass),
				Audited.class);
		if (audited == null) {
			return invocation.proceed();
		}
		Object result;
		try {
			result = invocation.proceed();
		}
		catch (Throwable ex) {
			record(audited, invocation, null, AuditOutcome.FAILURE, ex.getClass().getName());
			throw ex;
		}
		record(audited, invocation, result, AuditOutcome.SUCCESS, null);
		return result;
	}

	private void record(Audited audited, MethodInvocation invocation, @Nullable Object result, AuditOutcome outcome,
			@Nullable String reason) {
		this.trail.get().record(new AuditRecord(audited.event(), audited.action(), outcome, this.principal.get(),
				audited.resourceType().isEmpty() ? null : audited.resourceType(),
				resourceId(audited, invocation, result), reason,
				Map.of("method", invocation.getMethod().getDeclaringClass().getSimpleName() + "."
						+ invocation.getMethod().getName())));
	}

	// An expression that cannot be evaluated must not fail the call it audits.
	private @Nullable String resourceId(Audited audited, MethodInvocation invocation, @Nullable Object result) {
		if (audited.resourceId().isEmpty()) {
			return null;
		}
		try {
			MethodBasedEvaluationContext context = new MethodBasedEvaluationContext(invocation.getThis(),
					invocation.getMethod(), invocation.getArguments(), PARAMETER_NAMES);
			context.setVariable("result", result);
			Object value = this.expressions.computeIfAbsent(audited.resourceId(), PARSER::parseExpression)
				.getValue(context);
			return (value != null) ? value.toString() : null;
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

}
