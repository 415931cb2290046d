/**
 * The JSON layouts: one line of JSON per event, with field names fixed per layout.
 */
@NullMarked
package io.github.structuredlogging.json;

import org.jspecify.annotations.NullMarked;
