/**
 * The log API over Spring MVC: endpoints, problem responses, access control and the live
 * tail.
 */
@NullMarked
package io.github.structuredlogging.management.web;

import org.jspecify.annotations.NullMarked;
