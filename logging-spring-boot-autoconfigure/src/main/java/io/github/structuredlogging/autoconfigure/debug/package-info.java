/**
 * Auto-configuration of debug sessions.
 */
@NullMarked
package io.github.structuredlogging.autoconfigure.debug;

import org.jspecify.annotations.NullMarked;
