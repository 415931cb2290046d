package io.github.structuredlogging.http;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * Decides which bodies may be captured: textual ones only, never multipart or binary.
 *
 * @param limit the most bytes kept of each body
 */
record BodyCapture(int limit) {

	static boolean isTextual(@Nullable String contentType) {
		MediaType type = mediaType(contentType);
		if (type == null || "multipart".equals(type.getType())) {
			return false;
		}
		String subtype = type.getSubtype().toLowerCase(Locale.ROOT);
		return "text".equals(type.getType()) || subtype.equals("json") || subtype.endsWith("+json")
				|| subtype.equals("xml") || subtype.endsWith("+xml") || subtype.equals("x-www-form-urlencoded");
	}

	static boolean isForm(@Nullable String contentType) {
		MediaType type = mediaType(contentType);
		return type != null && MediaType.APPLICATION_FORM_URLENCODED.includes(type);
	}

	static Charset charset(@Nullable String contentType) {
		MediaType type = mediaType(contentType);
		Charset charset = (type != null) ? type.getCharset() : null;
		return (charset != null) ? charset : StandardCharsets.UTF_8;
	}

	private static @Nullable MediaType mediaType(@Nullable String contentType) {
		if (contentType == null || contentType.isBlank()) {
			return null;
		}
		try {
			return MediaType.parseMediaType(contentType);
		}
		catch (InvalidMediaTypeException ex) {
			return null;
		}
	}

}
