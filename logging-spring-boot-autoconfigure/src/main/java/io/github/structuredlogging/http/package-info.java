/**
 * One performance line per HTTP request (what was asked, how it went and how long it
 * took), and the per-minute, per-route aggregates of those requests.
 */
@NullMarked
package io.github.structuredlogging.http;

import org.jspecify.annotations.NullMarked;
