package io.github.structuredlogging.sample.orders;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An order placed by a customer.
 */
@Entity
@Table(name = "purchase_order")
public class PurchaseOrder {

	@Id
	@GeneratedValue
	private Long id;

	private String customer;

	private String item;

	private int quantity;

	private BigDecimal amount;

	private Instant createdAt;

	protected PurchaseOrder() {
	}

	public PurchaseOrder(String customer, String item, int quantity, BigDecimal amount) {
		this.customer = customer;
		this.item = item;
		this.quantity = quantity;
		this.amount = amount;
		this.createdAt = Instant.now();
	}

	public Long getId() {
		return this.id;
	}

	public String getCustomer() {
		return this.customer;
	}

	public String getItem() {
		return this.item;
	}

	public int getQuantity() {
		return this.quantity;
	}

	public BigDecimal getAmount() {
		return this.amount;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

}
