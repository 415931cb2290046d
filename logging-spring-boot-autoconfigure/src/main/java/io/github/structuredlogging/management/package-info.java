/**
 * What the log API and the {@code logs} Actuator endpoint report: health, statistics,
 * recent events, performance, audit records and configuration.
 */
@NullMarked
package io.github.structuredlogging.management;

import org.jspecify.annotations.NullMarked;
