package io.github.structuredlogging.benchmarks.jmh;

import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Nanoseconds to encode one clean event, with no appender and no file: the starter's
 * encoder (masking on), raw logstash-logback-encoder, and raw logstash-logback-encoder
 * writing the same service fields as the starter. {@link LoggingThroughputBenchmark}
 * measures the same encoders behind a file appender, where writing the line costs more
 * than encoding it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EncoderBenchmark {

	private static final int EVENTS = 1024;

	@Param({ "starter", "logstash", "logstash-fields" })
	String encoder;

	private Encoder<ILoggingEvent> jsonEncoder;

	private ILoggingEvent[] logEvents;

	@Setup
	public void setUp() {
		LoggerContext context = LogEvents.context();
		this.jsonEncoder = Pipelines.encoder(context, this.encoder);
		this.logEvents = LogEvents.events(context, EVENTS, 0);
	}

	@Benchmark
	public byte[] encode(MaskingBenchmark.Cursor cursor) {
		return this.jsonEncoder.encode(this.logEvents[cursor.next(EVENTS)]);
	}

}
