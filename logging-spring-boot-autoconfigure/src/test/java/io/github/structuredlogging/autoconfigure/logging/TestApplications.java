package io.github.structuredlogging.autoconfigure.logging;

import ch.qos.logback.classic.LoggerContext;
import org.slf4j.LoggerFactory;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts real applications with the starter, each in its own logging set-up.
 */
final class TestApplications {

	private TestApplications() {
	}

	static ConfigurableApplicationContext run(String... properties) {
		return new SpringApplicationBuilder(PlainApplication.class).web(WebApplicationType.NONE)
			.properties("spring.main.register-shutdown-hook=false")
			.properties(properties)
			.run();
	}

	/**
	 * Does what Spring Boot's logging shutdown hook does: stops logback, which writes out
	 * every queued event.
	 */
	static void shutDownLogging() {
		((LoggerContext) LoggerFactory.getILoggerFactory()).stop();
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class PlainApplication {

	}

}
