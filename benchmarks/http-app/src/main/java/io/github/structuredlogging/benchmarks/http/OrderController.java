package io.github.structuredlogging.benchmarks.http;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class OrderController {

	private static final Logger log = LoggerFactory.getLogger(OrderController.class);

	@GetMapping("/api/orders/{id}")
	Map<String, Object> order(@PathVariable long id) {
		log.atInfo().addKeyValue("order_id", id).log("Loading order");
		return Map.of("id", id, "item", "book", "quantity", 2, "status", "shipped");
	}

}
