package io.github.structuredlogging.testing;

import java.time.Duration;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import io.github.structuredlogging.logback.StructuredAsyncAppender;
import io.github.structuredlogging.runtime.StructuredLogbackPipeline;
import org.slf4j.LoggerFactory;

import org.springframework.boot.test.system.CapturedOutput;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads the captured console once the writer thread has written everything logged so
 * far: the JSON console is written off the logging thread, and an assertion that a line
 * is absent must not pass only because the line was still queued.
 */
public final class ConsoleOutput {

	private ConsoleOutput() {
	}

	public static String written(CapturedOutput output) {
		flush();
		return output.getOut();
	}

	public static void flush() {
		LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
		Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
		if (root.getAppender(StructuredLogbackPipeline.WRITER_APPENDER) instanceof StructuredAsyncAppender writer) {
			assertThat(writer.awaitWritten(Duration.ofSeconds(10))).as("everything logged was written").isTrue();
		}
	}

}
