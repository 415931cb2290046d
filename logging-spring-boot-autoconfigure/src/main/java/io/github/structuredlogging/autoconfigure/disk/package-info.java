/**
 * Auto-configuration of the log volume's monitor.
 */
@NullMarked
package io.github.structuredlogging.autoconfigure.disk;

import org.jspecify.annotations.NullMarked;
