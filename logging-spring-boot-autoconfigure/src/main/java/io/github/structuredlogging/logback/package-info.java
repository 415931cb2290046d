/**
 * The logback pipeline: console and per-stream file appenders, asynchronous writing and
 * counting of dropped events.
 */
@NullMarked
package io.github.structuredlogging.logback;

import org.jspecify.annotations.NullMarked;
