package io.github.structuredlogging.sample.orders;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;

/**
 * Sends order confirmations in the background; its log lines keep the request's
 * correlation ID.
 */
@Component
class OrderNotifier {

	private static final Logger log = LoggerFactory.getLogger(OrderNotifier.class);

	@Async
	public void confirm(PurchaseOrder order) {
		log.atInfo().addKeyValue("order_id", order.getId()).log("Order confirmation sent");
	}

}
