package io.github.structuredlogging.sample.orders;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

@ResponseStatus(HttpStatus.NOT_FOUND)
class OrderNotFoundException extends RuntimeException {

	OrderNotFoundException(long id) {
		super("No order " + id);
	}

}
