/**
 * Auto-configuration of the fleet view: the log API's reads with {@code scope=fleet}.
 */
@NullMarked
package io.github.structuredlogging.autoconfigure.fleet;

import org.jspecify.annotations.NullMarked;
