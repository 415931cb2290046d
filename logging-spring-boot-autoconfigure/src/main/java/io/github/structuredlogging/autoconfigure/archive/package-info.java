/**
 * Auto-configuration of the archive of rolled files.
 */
@NullMarked
package io.github.structuredlogging.autoconfigure.archive;

import org.jspecify.annotations.NullMarked;
