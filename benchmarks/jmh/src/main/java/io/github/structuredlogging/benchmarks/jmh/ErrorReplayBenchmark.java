package io.github.structuredlogging.benchmarks.jmh;

import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.AppenderBase;
import io.github.structuredlogging.debug.ErrorReplay;
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

/**
 * What keeping a request's DEBUG events back costs a request that succeeds: ten DEBUG
 * calls below the logger's level, with the request's MDC set, with the replay off
 * (logback drops them at the level check) and on (each becomes an event in the request's
 * buffer, with its message formatted and the MDC copied, thrown away at the end).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ErrorReplayBenchmark {

	private static final int DEBUG_CALLS = 10;

	@Param({ "off", "on" })
	String replay;

	private LoggerContext context;

	private Logger logger;

	private ErrorReplay errorReplay;

	@Setup
	public void setUp() {
		this.context = new LoggerContext();
		LogbackMDCAdapter mdc = new LogbackMDCAdapter();
		this.context.setMDCAdapter(mdc);
		// What a request's thread holds: each kept event takes a copy.
		mdc.put("correlation_id", "8d1e0a9c-4b1f-4c55-9a2e-0f3a7c6e1b22");
		mdc.put("traceId", "4bf92f3577b34da6a3ce929d0e0e4736");
		mdc.put("spanId", "00f067aa0ba902b7");
		this.logger = this.context.getLogger("com.example.orders.OrderService");
		this.logger.setLevel(Level.INFO);
		AppenderBase<ILoggingEvent> discard = new AppenderBase<>() {

			@Override
			protected void append(ILoggingEvent event) {
			}

		};
		discard.setContext(this.context);
		discard.start();
		this.logger.addAppender(discard);
		this.errorReplay = new ErrorReplay(200, 10_000);
		if ("on".equals(this.replay)) {
			this.errorReplay.install(this.context);
		}
	}

	@TearDown
	public void tearDown() {
		this.context.stop();
	}

	@Benchmark
	public void successfulRequest() {
		this.errorReplay.begin();
		for (int i = 0; i < DEBUG_CALLS; i++) {
			this.logger.debug("Order {} step {} read from the cache", 42, i);
		}
		this.errorReplay.end(false);
	}

}
