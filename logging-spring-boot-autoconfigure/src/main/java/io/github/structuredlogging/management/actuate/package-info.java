/**
 * The log API's data through Actuator: the {@code logs} endpoint, the {@code logging}
 * health indicator and the store's meters.
 */
@NullMarked
package io.github.structuredlogging.management.actuate;

import org.jspecify.annotations.NullMarked;
