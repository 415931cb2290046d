package io.github.structuredlogging.audit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Records an audit event each time the annotated method runs: {@code success} when it
 * returns, {@code failure} with the exception type when it throws.
 *
 * <pre>{@code
 * @Audited(action = "delete", resourceType = "order", resourceId = "#id")
 * public void deleteOrder(long id) { ... }
 *
 * @Audited(event = "DATA_CHANGE", action = "create", resourceType = "order", resourceId = "#result.id")
 * public Order placeOrder(NewOrder order) { ... }
 * }</pre>
 *
 * Expressions are SpEL over the method's arguments ({@code #id}, {@code #p0}) and, once it
 * has returned, its result ({@code #result}).
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Audited {

	/**
	 * The event type.
	 * @return the event type
	 */
	String event() default "DATA_ACCESS";

	/**
	 * What the method does, such as {@code read}, {@code update} or {@code delete}.
	 * @return the action
	 */
	String action();

	/**
	 * The kind of thing the method acts on, such as {@code order}.
	 * @return the resource type, empty for none
	 */
	String resourceType() default "";

	/**
	 * A SpEL expression that gives the resource's ID.
	 * @return the expression, empty for none
	 */
	String resourceId() default "";

}
