/**
 * Auto-configuration of debug detail where it is needed: debug sessions, and the
 * replay of failed requests' DEBUG events.
 */
@NullMarked
package io.github.structuredlogging.autoconfigure.debug;

import org.jspecify.annotations.NullMarked;
