package io.github.structuredlogging.autoconfigure.logging;

import io.github.structuredlogging.runtime.StructuredLoggingRuntime;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;

/**
 * Hands the runtime that the logging system built to the application context, as the
 * singleton {@value StructuredLoggingRuntime#BEAN_NAME}, right after Spring Boot
 * registers the logging system itself.
 */
public class StructuredLoggingRuntimeRegistrar implements ApplicationListener<ApplicationPreparedEvent>, Ordered {

	@Override
	public void onApplicationEvent(ApplicationPreparedEvent event) {
		ConfigurableListableBeanFactory beanFactory = event.getApplicationContext().getBeanFactory();
		if (beanFactory.containsBean(StructuredLoggingRuntime.BEAN_NAME)) {
			return;
		}
		Object loggingSystem = beanFactory.getSingleton(LoggingApplicationListener.LOGGING_SYSTEM_BEAN_NAME);
		StructuredLoggingRuntime runtime = (loggingSystem instanceof StructuredLoggingSystem structured)
				? structured.runtime() : null;
		if (runtime != null) {
			beanFactory.registerSingleton(StructuredLoggingRuntime.BEAN_NAME, runtime);
		}
	}

	@Override
	public int getOrder() {
		return LoggingApplicationListener.DEFAULT_ORDER + 1;
	}

}
