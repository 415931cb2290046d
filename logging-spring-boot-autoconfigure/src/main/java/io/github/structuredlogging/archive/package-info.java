/**
 * The archive of rolled files: moved out of the log directory, gzipped, and recorded with
 * their SHA-256 so that verification finds what was changed, removed or added.
 */
@NullMarked
package io.github.structuredlogging.archive;

import org.jspecify.annotations.NullMarked;
