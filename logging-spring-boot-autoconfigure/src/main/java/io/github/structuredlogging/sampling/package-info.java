/**
 * Fewer events where there are too many: sampling of DEBUG and INFO, and a limit on
 * bursts of one message.
 */
@NullMarked
package io.github.structuredlogging.sampling;

import org.jspecify.annotations.NullMarked;
