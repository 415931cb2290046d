package io.github.structuredlogging.correlation;

import java.lang.reflect.Field;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.task.TaskDecorator;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.util.ReflectionUtils;

/**
 * Gives executors and schedulers that an application builds itself, without Spring
 * Boot's builders, the correlation decorator, unless they already have a decorator of
 * their own.
 */
public final class ExecutorDecoratingPostProcessor implements BeanPostProcessor {

	private final Supplier<TaskDecorator> decorator;

	/**
	 * Create a post-processor.
	 * @param decorator supplies the decorator to give undecorated executors, asked for only
	 * when one is found
	 */
	public ExecutorDecoratingPostProcessor(Supplier<TaskDecorator> decorator) {
		this.decorator = decorator;
	}

	@Override
	public Object postProcessBeforeInitialization(Object bean, String beanName) {
		if (bean instanceof ThreadPoolTaskExecutor executor && decoratorOf(executor) == null) {
			executor.setTaskDecorator(this.decorator.get());
		}
		else if (bean instanceof ThreadPoolTaskScheduler scheduler && decoratorOf(scheduler) == null) {
			scheduler.setTaskDecorator(this.decorator.get());
		}
		return bean;
	}

	// Neither class exposes its decorator; an unreadable field counts as decorated.
	private static @Nullable Object decoratorOf(Object executor) {
		Field field = ReflectionUtils.findField(executor.getClass(), "taskDecorator", TaskDecorator.class);
		if (field == null) {
			return executor;
		}
		ReflectionUtils.makeAccessible(field);
		return ReflectionUtils.getField(field, executor);
	}

}
