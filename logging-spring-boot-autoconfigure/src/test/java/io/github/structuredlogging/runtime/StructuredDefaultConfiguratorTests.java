package io.github.structuredlogging.runtime;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import io.github.structuredlogging.logback.FanOutAppender;
import io.github.structuredlogging.logback.StructuredAsyncAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link StructuredDefaultConfigurator}.
 */
@ExtendWith(OutputCaptureExtension.class)
class StructuredDefaultConfiguratorTests {

	private final LoggerContext context = new LoggerContext();

	private final StructuredDefaultConfigurator configurator = new StructuredDefaultConfigurator();

	@AfterEach
	void stop() {
		System.clearProperty("logback.configurationFile");
		this.context.stop();
	}

	@Test
	void logsJsonBeforeSpringBootStarts(CapturedOutput output) {
		this.context.setMDCAdapter(new LogbackMDCAdapter());
		this.configurator.setContext(this.context);
		assertThat(this.configurator.configure(this.context)).isEqualTo(ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);
		this.context.getLogger("com.example.Main").info("Before Spring Boot");
		this.context.getLogger("com.example.Main").debug("Too detailed");
		// The writer thread writes the console; stopping writes out what is queued.
		this.context.stop();
		assertThat(output.getOut()).contains("\"message\":\"Before Spring Boot\"")
			.contains("\"log_stream\":\"application\"")
			.doesNotContain("Too detailed");
	}

	@Test
	void stepsAsideForAnOwnLogbackFile() {
		System.setProperty("logback.configurationFile", "custom-logback.xml");
		this.configurator.setContext(this.context);
		assertThat(this.configurator.configure(this.context)).isEqualTo(ExecutionStatus.INVOKE_NEXT_IF_ANY);
		assertThat(this.context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender(StructuredLogbackPipeline.CONSOLE_APPENDER))
			.isNull();
	}

	@Test
	void attachesTheConsoleBehindTheAsynchronousWriter() {
		this.configurator.setContext(this.context);
		this.configurator.configure(this.context);
		Logger root = this.context.getLogger(Logger.ROOT_LOGGER_NAME);
		assertThat(root.getAppender(StructuredLogbackPipeline.CONSOLE_APPENDER)).isNull();
		StructuredAsyncAppender writer = (StructuredAsyncAppender) root
			.getAppender(StructuredLogbackPipeline.WRITER_APPENDER);
		FanOutAppender fanOut = (FanOutAppender) writer.iteratorForAppenders().next();
		assertThat(fanOut.getAppender(StructuredLogbackPipeline.CONSOLE_APPENDER)).isNotNull();
	}

}
