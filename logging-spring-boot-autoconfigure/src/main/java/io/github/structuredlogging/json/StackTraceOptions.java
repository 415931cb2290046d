package io.github.structuredlogging.json;

import java.util.List;
import java.util.Objects;

/**
 * How stack traces are written.
 *
 * @param rootCauseFirst whether the root cause comes first
 * @param maxDepthPerThrowable how many frames each throwable keeps at most
 * @param maxLength how many characters the whole stack trace keeps at most
 * @param excludedFrames patterns of frames to leave out
 */
public record StackTraceOptions(boolean rootCauseFirst, int maxDepthPerThrowable, int maxLength,
		List<String> excludedFrames) {

	public StackTraceOptions {
		Objects.requireNonNull(excludedFrames, "'excludedFrames' must not be null");
		excludedFrames = List.copyOf(excludedFrames);
	}

}
