package io.github.structuredlogging.sample.orders;

import io.github.structuredlogging.audit.Audited;

import org.springframework.stereotype.Service;

/**
 * Administrative actions on orders; each one lands in the audit trail.
 */
@Service
class OrderAdministration {

	private final OrderRepository orders;

	OrderAdministration(OrderRepository orders) {
		this.orders = orders;
	}

	@Audited(event = "DATA_CHANGE", action = "delete", resourceType = "order", resourceId = "#id")
	public void delete(long id) {
		if (!this.orders.existsById(id)) {
			throw new OrderNotFoundException(id);
		}
		this.orders.deleteById(id);
	}

}
