package io.github.structuredlogging.http;

import java.util.List;

import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;

/**
 * Feeds datasource-proxy's record of each executed statement into the
 * {@link DatabaseActivity} of the current request.
 */
final class DatabaseActivityListener implements QueryExecutionListener {

	// datasource-proxy measures in whole milliseconds; the line wants microseconds.
	private static final String STARTED = DatabaseActivityListener.class.getName() + ".started";

	@Override
	public void beforeQuery(ExecutionInfo execution, List<QueryInfo> queries) {
		execution.addCustomValue(STARTED, System.nanoTime());
	}

	@Override
	public void afterQuery(ExecutionInfo execution, List<QueryInfo> queries) {
		Long started = execution.getCustomValue(STARTED, Long.class);
		long elapsed = (started != null) ? System.nanoTime() - started : execution.getElapsedTime() * 1_000_000L;
		// A batch counts as one statement per query it carries.
		DatabaseActivity.record(Math.max(1, queries.size()), elapsed);
	}

}
