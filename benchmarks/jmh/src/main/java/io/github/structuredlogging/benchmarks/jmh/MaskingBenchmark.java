package io.github.structuredlogging.benchmarks.jmh;

import java.util.List;
import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.github.structuredlogging.json.JsonLayout;
import io.github.structuredlogging.json.ServiceIdentity;
import io.github.structuredlogging.json.StackTraceOptions;
import io.github.structuredlogging.json.StructuredJsonEncoders;
import io.github.structuredlogging.masking.MaskingEngine;
import io.github.structuredlogging.masking.MaskingSettings;
import net.logstash.logback.encoder.LoggingEventCompositeJsonEncoder;
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
 * JSON encoding of one event with masking on and off: on clean events only, and on a
 * realistic mix where one event in ten carries a secret.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class MaskingBenchmark {

	private static final int EVENTS = 1024;

	@Param({ "on", "off" })
	String masking;

	@Param({ "clean", "mixed" })
	String events;

	private LoggingEventCompositeJsonEncoder encoder;

	private ILoggingEvent[] logEvents;

	@Setup
	public void setUp() {
		LoggerContext context = LogEvents.context();
		MaskingEngine masker = "on".equals(this.masking) ? new MaskingEngine(MaskingSettings.defaults()) : null;
		this.encoder = StructuredJsonEncoders.create(JsonLayout.DEFAULT,
				new ServiceIdentity("orders-service", "1.4.2", "production", "orders-7d9f"),
				new StackTraceOptions(false, 64, 16384, List.of()), masker);
		this.encoder.setContext(context);
		this.encoder.start();
		this.logEvents = LogEvents.events(context, EVENTS, "mixed".equals(this.events) ? 10 : 0);
	}

	@Benchmark
	public byte[] encode(Cursor cursor) {
		return this.encoder.encode(this.logEvents[cursor.next(EVENTS)]);
	}

	/**
	 * Each thread walks the events on its own.
	 */
	@State(Scope.Thread)
	public static class Cursor {

		private int index;

		int next(int size) {
			this.index = (this.index + 1) % size;
			return this.index;
		}

	}

}
