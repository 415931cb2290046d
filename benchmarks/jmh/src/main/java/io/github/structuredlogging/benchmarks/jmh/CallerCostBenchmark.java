package io.github.structuredlogging.benchmarks.jmh;

import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.slf4j.MDC;

/**
 * Time on the calling thread for one {@code log.info} through the starter's asynchronous
 * file pipeline as configured by default: the number that adds to request latency.
 * <p>
 * {@code logInfo} calls as fast as it can, so the writer falls behind and most events take
 * the cheap drop path (the drops are printed after each iteration). The {@code paced}
 * pair spends about the same time on other work around each call, as a request would, so
 * the writer keeps up: the caller cost is {@code pacedLogInfo} minus {@code pacedBaseline}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class CallerCostBenchmark {

	private LoggerContext context;

	private Logger logger;

	@Setup
	public void setUp() {
		this.context = LogEvents.context();
		this.logger = Pipelines.build(this.context, "starter", false);
		MDC.put("correlation_id", "5f2b7c1e-8a4d-4e0b-9c3a-1d2e3f4a5b6c");
		MDC.put("tenant", "acme");
	}

	@TearDown(Level.Iteration)
	public void reportDrops() {
		System.out.println("dropped so far: " + Pipelines.DROPPED.count());
	}

	@TearDown
	public void tearDown() {
		this.context.stop();
	}

	private static final long PACE = 4_000;

	@Benchmark
	public void logInfo() {
		this.logger.atInfo().addKeyValue("order_id", 4217).log("Order {} placed for customer {}", 4217, "c-17");
	}

	@Benchmark
	public void pacedBaseline() {
		Blackhole.consumeCPU(PACE);
	}

	@Benchmark
	public void pacedLogInfo() {
		Blackhole.consumeCPU(PACE);
		this.logger.atInfo().addKeyValue("order_id", 4217).log("Order {} placed for customer {}", 4217, "c-17");
	}

}
