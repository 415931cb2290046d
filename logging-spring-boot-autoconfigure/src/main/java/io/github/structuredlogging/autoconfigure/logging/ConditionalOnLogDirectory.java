package io.github.structuredlogging.autoconfigure.logging;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Matches when the stream files have a directory: {@code structured-logging.file.directory},
 * else Spring Boot's {@code logging.file.path}.
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Conditional(ConditionalOnLogDirectory.OnLogDirectory.class)
public @interface ConditionalOnLogDirectory {

	/**
	 * The condition behind the annotation.
	 */
	final class OnLogDirectory extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			Environment environment = context.getEnvironment();
			boolean set = StringUtils.hasText(environment.getProperty("structured-logging.file.directory"))
					|| StringUtils.hasText(environment.getProperty("logging.file.path"));
			return set ? ConditionOutcome.match("a log directory is set")
					: ConditionOutcome.noMatch("no log directory is set");
		}

	}

}
