package io.github.structuredlogging.sample.orders;

import java.security.Principal;
import java.util.List;

import jakarta.validation.Valid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Places and reads orders.
 */
@RestController
@RequestMapping("/api/orders")
class OrderController {

	private static final Logger log = LoggerFactory.getLogger(OrderController.class);

	private final OrderRepository orders;

	private final OrderNotifier notifier;

	private final OrderAdministration administration;

	OrderController(OrderRepository orders, OrderNotifier notifier, OrderAdministration administration) {
		this.orders = orders;
		this.notifier = notifier;
		this.administration = administration;
	}

	@GetMapping
	List<PurchaseOrder> list() {
		List<PurchaseOrder> all = this.orders.findAll();
		log.atDebug().addKeyValue("order_count", all.size()).log("Listed orders");
		return all;
	}

	@GetMapping("/{id}")
	PurchaseOrder get(@PathVariable long id) {
		return this.orders.findById(id).orElseThrow(() -> new OrderNotFoundException(id));
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@PathVariable long id) {
		this.administration.delete(id);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	PurchaseOrder place(@Valid @RequestBody NewOrder order, Principal principal) {
		PurchaseOrder saved = this.orders
			.save(new PurchaseOrder(principal.getName(), order.item(), order.quantity(), order.amount()));
		log.atInfo()
			.addKeyValue("order_id", saved.getId())
			.addKeyValue("quantity", saved.getQuantity())
			.addKeyValue("amount", saved.getAmount())
			.log("Order placed");
		this.notifier.confirm(saved);
		return saved;
	}

}
