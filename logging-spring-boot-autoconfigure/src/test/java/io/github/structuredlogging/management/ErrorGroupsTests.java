package io.github.structuredlogging.management;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What makes two errors the same: the message without its variable parts, and the first
 * frame of the application's own code.
 */
class ErrorGroupsTests {

	@Test
	void aTemplateLeavesOutNumbersIdsAndQuotedValues() {
		assertThat(ErrorGroups.template("Order 42 not found for 8d1e0a9c-4b1f-4c55-9a2e-0f3a7c6e1b22"))
			.isEqualTo("Order {n} not found for {uuid}");
		assertThat(ErrorGroups.template("Payment 'pay_81' refused after 3.5 s by gateway 4bf92f3577b34da6"))
			.isEqualTo("Payment '{s}' refused after {n} s by gateway {hex}");
		assertThat(ErrorGroups.template("Inventory service unavailable")).isEqualTo("Inventory service unavailable");
	}

	@Test
	void theFrameIsTheFirstOneOutsideTheJdkAndTheFrameworks() {
		String trace = "java.lang.IllegalStateException: boom\n\tat java.base/java.util.Objects.requireNonNull(Objects.java:233)\n"
				+ "\tat org.springframework.util.Assert.state(Assert.java:97)\n"
				+ "\tat com.example.orders.OrderService.place(OrderService.java:42)\n"
				+ "\tat com.example.orders.OrderController.post(OrderController.java:17)\n";
		assertThat(ErrorGroups.applicationFrame(trace)).isEqualTo("com.example.orders.OrderService.place");
		assertThat(ErrorGroups.applicationFrame(null)).isEmpty();
	}

}
