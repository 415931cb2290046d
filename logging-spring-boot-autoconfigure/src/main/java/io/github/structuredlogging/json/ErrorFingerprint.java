package io.github.structuredlogging.json;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * What groups an exception with others of its kind, wherever it was thrown and whichever
 * instance logged it: its type, its first application frame (the first frame that is not
 * the JDK's or a framework's) and its message without the variable parts (numbers, IDs,
 * quoted values), hashed.
 */
public final class ErrorFingerprint {

	// Frames of the JDK and of the frameworks an application runs on: not where its error is.
	private static final List<String> FRAMEWORK_FRAMES = List.of("java.", "javax.", "jdk.", "sun.", "com.sun.",
			"jakarta.", "org.springframework.", "org.apache.", "org.hibernate.", "io.micrometer.", "ch.qos.logback.",
			"org.slf4j.", "reactor.", "io.netty.", "kotlin.", "org.h2.", "com.zaxxer.", "net.bytebuddy.");

	private static final Pattern UUID = Pattern
		.compile("\\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\b");

	private static final Pattern HEX = Pattern.compile("\\b(?=[0-9a-fA-F]*\\d)[0-9a-fA-F]{8,}\\b");

	private static final Pattern QUOTED = Pattern.compile("'[^']*'|\"[^\"]*\"");

	private static final Pattern NUMBER = Pattern.compile("\\b\\d+(\\.\\d+)?\\b");

	private ErrorFingerprint() {
	}

	/**
	 * Return the fingerprint of an exception.
	 * @param type the exception's class name
	 * @param frame its first application frame, empty when unknown
	 * @param message its message, or the event's when it has none
	 * @return sixteen hexadecimal digits
	 */
	public static String of(String type, String frame, String message) {
		String key = type + "|" + frame + "|" + template(message);
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)), 0, 8);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

	/**
	 * Return a message without its variable parts.
	 * @param message the message
	 * @return the template, such as {@code Order {n} not found for {uuid}}
	 */
	public static String template(String message) {
		String template = UUID.matcher(message).replaceAll("{uuid}");
		template = QUOTED.matcher(template).replaceAll("'{s}'");
		template = HEX.matcher(template).replaceAll("{hex}");
		return NUMBER.matcher(template).replaceAll("{n}");
	}

	/**
	 * Return the first frame of a written stack trace that is not the JDK's or a
	 * framework's.
	 * @param stackTrace the stack trace as written
	 * @return {@code class.method}, or the first frame when all are frameworks', empty
	 * without a stack trace
	 */
	public static String applicationFrame(@Nullable String stackTrace) {
		if (stackTrace == null) {
			return "";
		}
		List<String> methods = new ArrayList<>();
		for (String line : stackTrace.split("\n")) {
			String frame = line.strip();
			if (frame.startsWith("at ")) {
				int call = frame.indexOf('(');
				methods.add((call > 3) ? frame.substring(3, call) : frame.substring(3));
			}
		}
		return applicationFrame(methods);
	}

	/**
	 * Return the first of the given frames that is not the JDK's or a framework's.
	 * @param methods the frames, as {@code class.method}, innermost first
	 * @return that frame, or the first when all are frameworks', empty without frames
	 */
	public static String applicationFrame(List<String> methods) {
		for (String method : methods) {
			if (FRAMEWORK_FRAMES.stream().noneMatch(method::startsWith)) {
				return method;
			}
		}
		return methods.isEmpty() ? "" : methods.get(0);
	}

}
