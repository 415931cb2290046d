package io.github.structuredlogging.audit;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;

/**
 * Makes Spring Boot's authentication event publisher publish failures it has no mapping
 * for, such as an OAuth2 login that fails, so that every failed login is audited.
 */
public final class FailureEventDefaulter implements BeanPostProcessor {

	/** Name of Spring Boot's publisher bean. */
	public static final String BOOT_PUBLISHER = "authenticationEventPublisher";

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (BOOT_PUBLISHER.equals(beanName) && bean instanceof DefaultAuthenticationEventPublisher publisher) {
			publisher.setDefaultAuthenticationFailureEvent(AuthenticationFailureBadCredentialsEvent.class);
		}
		return bean;
	}

}
