/**
 * Shipping JSON lines over TCP, to Logstash's {@code json_lines} input or a syslog
 * receiver.
 */
@NullMarked
package io.github.structuredlogging.shipping.tcp;

import org.jspecify.annotations.NullMarked;
