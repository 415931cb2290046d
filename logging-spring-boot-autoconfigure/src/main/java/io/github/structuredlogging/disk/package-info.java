/**
 * The log directory's volume: how full it is, and making room when it is too full.
 */
@NullMarked
package io.github.structuredlogging.disk;

import org.jspecify.annotations.NullMarked;
