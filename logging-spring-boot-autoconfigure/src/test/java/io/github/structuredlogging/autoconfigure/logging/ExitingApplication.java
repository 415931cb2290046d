package io.github.structuredlogging.autoconfigure.logging;

import org.slf4j.LoggerFactory;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * An application run in a JVM of its own, as {@code java -jar} would: it starts, logs
 * {@value #LAST_LINES} lines as fast as it can and returns from {@code main}, so the JVM
 * exits while the writer thread still holds most of them.
 */
public final class ExitingApplication {

	static final int LAST_LINES = 2000;

	private ExitingApplication() {
	}

	public static void main(String[] args) {
		new SpringApplicationBuilder(TestApplication.PlainApplication.class).web(WebApplicationType.NONE).run(args);
		for (int line = 1; line <= LAST_LINES; line++) {
			LoggerFactory.getLogger(ExitingApplication.class).info("Last line {}", line);
		}
	}

}
