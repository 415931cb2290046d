package io.github.structuredlogging.benchmarks.jmh;

import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.slf4j.MDC;

/**
 * Events per second into a file through the same lossless asynchronous appender, with the
 * starter's pipeline (JSON, masking on), raw logstash-logback-encoder (alone, and with the
 * service fields the starter writes as custom fields), Spring Boot's own
 * structured logging, and a plain text pattern. A typical call: two MDC entries and one
 * key-value. Lossless, so the figure is what the writer sustains end to end.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class LoggingThroughputBenchmark {

	@Param({ "starter", "starter-full", "logstash", "logstash-fields", "boot", "pattern" })
	String pipeline;

	private LoggerContext context;

	private Logger logger;

	@Setup
	public void setUp() {
		this.context = LogEvents.context();
		this.logger = Pipelines.build(this.context, this.pipeline, true);
	}

	@TearDown
	public void tearDown() {
		this.context.stop();
	}

	@Benchmark
	public void logInfo(ThreadMdc mdc) {
		this.logger.atInfo().addKeyValue("order_id", 4217).log("Order {} placed for customer {}", 4217, "c-17");
	}

	/**
	 * Each thread has the MDC of a request in progress.
	 */
	@State(Scope.Thread)
	public static class ThreadMdc {

		@Setup
		public void setUp() {
			MDC.put("correlation_id", "5f2b7c1e-8a4d-4e0b-9c3a-1d2e3f4a5b6c");
			MDC.put("tenant", "acme");
		}

	}

}
