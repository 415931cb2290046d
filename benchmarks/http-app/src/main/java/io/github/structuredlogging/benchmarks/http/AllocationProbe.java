package io.github.structuredlogging.benchmarks.http;

import java.lang.management.ManagementFactory;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Tells the load script how many bytes the service's live threads have allocated so far,
 * so that it can divide the difference over a measured run by the requests served. The
 * same in every variant.
 */
@RestController
class AllocationProbe {

	private final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory
		.getThreadMXBean();

	@GetMapping("/bench/allocated-bytes")
	String allocatedBytes() {
		long total = 0;
		for (long allocated : this.threads.getThreadAllocatedBytes(this.threads.getAllThreadIds())) {
			// -1 for a thread that ended while it was asked.
			total += Math.max(allocated, 0);
		}
		return Long.toString(total);
	}

}
