package io.github.structuredlogging.sample.orders;

import java.math.BigDecimal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;

/**
 * The body of a request that places an order.
 *
 * @param item what is ordered
 * @param quantity how many
 * @param amount the total price
 */
record NewOrder(@NotBlank String item, @Positive int quantity, @Positive BigDecimal amount) {

}
