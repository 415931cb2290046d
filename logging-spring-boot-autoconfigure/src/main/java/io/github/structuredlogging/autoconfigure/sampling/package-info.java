/**
 * Auto-configuration of sampling and the burst limit.
 */
@NullMarked
package io.github.structuredlogging.autoconfigure.sampling;

import org.jspecify.annotations.NullMarked;
