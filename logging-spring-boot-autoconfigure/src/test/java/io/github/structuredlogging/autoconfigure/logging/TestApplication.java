package io.github.structuredlogging.autoconfigure.logging;

import ch.qos.logback.classic.LoggerContext;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts a real application with the starter, each test in its own logging set-up, and
 * stops it after the test.
 */
public final class TestApplication implements AfterEachCallback {

	private ConfigurableApplicationContext context;

	public ConfigurableApplicationContext run(String... properties) {
		this.context = new SpringApplicationBuilder(PlainApplication.class).web(WebApplicationType.NONE)
			.properties("spring.main.register-shutdown-hook=false")
			.properties(properties)
			.run();
		return this.context;
	}

	/**
	 * Closes the application and does what Spring Boot's logging shutdown hook does:
	 * stops logback, which writes out every queued event.
	 */
	public void stop() {
		if (this.context != null) {
			this.context.close();
			this.context = null;
		}
		((LoggerContext) LoggerFactory.getILoggerFactory()).stop();
	}

	@Override
	public void afterEach(ExtensionContext extensionContext) {
		stop();
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class PlainApplication {

	}

}
