/**
 * Auto-configuration of the log API, the event store's reports and the {@code logs}
 * Actuator endpoint.
 */
@NullMarked
package io.github.structuredlogging.autoconfigure.management;

import org.jspecify.annotations.NullMarked;
