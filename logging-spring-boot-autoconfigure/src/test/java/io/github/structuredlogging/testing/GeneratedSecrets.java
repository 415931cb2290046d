package io.github.structuredlogging.testing;

import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Generated secrets of every kind the masking knows, each with the parts of it that no
 * output may hold, and generated look-alikes that must pass unchanged.
 */
public final class GeneratedSecrets {

	private static final String ALNUM = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

	private static final String BASE64URL = ALNUM + "-_";

	private GeneratedSecrets() {
	}

	/**
	 * Return secrets of every kind the masking knows.
	 * @return the secrets
	 */
	public static Arbitrary<Secret> secrets() {
		return Arbitraries.oneOf(cards(), jwts(), apiKeys(), keyValues(), pemBlocks(), urlCredentials(), bearers(),
				ssns(), emails(), ibans());
	}

	/**
	 * Return values that look like secrets and are not.
	 * @return the look-alikes
	 */
	public static Arbitrary<String> lookAlikes() {
		Arbitrary<String> uuids = Arbitraries.create(() -> java.util.UUID.randomUUID().toString());
		Arbitrary<String> hashes = Arbitraries.of(32, 40, 64)
			.flatMap((length) -> Arbitraries.strings().withChars("0123456789abcdef").ofLength(length));
		Arbitrary<String> versions = Combinators
			.combine(Arbitraries.integers().between(0, 30), Arbitraries.integers().between(0, 99),
					Arbitraries.integers().between(0, 999))
			.as((major, minor, patch) -> major + "." + minor + "." + patch);
		Arbitrary<String> addresses = Arbitraries.integers()
			.between(1, 254)
			.list()
			.ofSize(4)
			.map((parts) -> parts.get(0) + "." + parts.get(1) + "." + parts.get(2) + "." + parts.get(3));
		Arbitrary<String> timestamps = Arbitraries.longs()
			.between(0, 4_000_000_000L)
			.map((seconds) -> java.time.Instant.ofEpochSecond(seconds).toString());
		Arbitrary<String> notCards = Arbitraries.strings()
			.withChars("0123456789")
			.ofLength(15)
			.map((digits) -> "4" + digits)
			.filter((number) -> luhnDigit(number.substring(0, 15)) != number.charAt(15) - '0');
		Arbitrary<String> words = Arbitraries.of("token bucket", "password policy", "Basic plan", "secret santa",
				"key rotation", "session timeout", "cookie banner", "signature pad", "Bearer of news");
		return Arbitraries.oneOf(uuids, hashes, versions, addresses, timestamps, notCards, words);
	}

	private static Arbitrary<Secret> cards() {
		Arbitrary<String> prefixes = Arbitraries.of("4", "51", "55", "2221", "2720", "6011", "35");
		return Combinators.combine(prefixes, Arbitraries.strings().withChars("0123456789").ofLength(16),
				Arbitraries.of("", " ", "-"))
			.as((prefix, digits, separator) -> {
				String body = (prefix + digits).substring(0, 15);
				String number = body + luhnDigit(body);
				String written = (separator.isEmpty()) ? number
						: String.join(separator, number.substring(0, 4), number.substring(4, 8),
								number.substring(8, 12), number.substring(12));
				return new Secret("card", written, List.of(written, number));
			});
	}

	private static Arbitrary<Secret> jwts() {
		return Combinators.combine(token(BASE64URL, 10, 30), token(BASE64URL, 10, 60), token(BASE64URL, 16, 43))
			.as((header, payload, signature) -> {
				String jwt = "eyJ" + header + ".eyJ" + payload + "." + signature;
				return new Secret("jwt", jwt, List.of(jwt));
			});
	}

	private static Arbitrary<Secret> apiKeys() {
		Arbitrary<String> keys = Arbitraries.oneOf(
				Combinators.combine(Arbitraries.of("sk_live_", "sk_test_", "rk_live_", "sk-"), token(ALNUM, 20, 48))
					.as(String::concat),
				Combinators.combine(Arbitraries.of("ghp_", "gho_", "ghu_", "ghs_", "ghr_"), token(ALNUM, 36, 36))
					.as(String::concat),
				token(ALNUM + "_", 40, 70).map((rest) -> "github_pat_" + rest),
				Combinators.combine(Arbitraries.of("xoxb-", "xoxa-", "xoxp-", "xoxr-", "xoxs-", "xapp-"),
						token("0123456789", 10, 13), token(ALNUM, 16, 32))
					.as((prefix, team, rest) -> prefix + team + "-" + rest),
				Combinators.combine(Arbitraries.of("AKIA", "ASIA"), token("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16, 16))
					.as(String::concat),
				token(BASE64URL, 35, 35).map((rest) -> "AIza" + rest));
		return keys.map((key) -> new Secret("api-key", key, List.of(key)));
	}

	private static Arbitrary<Secret> keyValues() {
		Arbitrary<String> names = Arbitraries.of("password", "passwd", "pwd", "passphrase", "accessToken",
				"access_token", "refresh-token", "client-secret", "clientSecret", "api_key", "apiKey", "x-api-key",
				"x-goog-api-key", "aws_secret_access_key", "secret_key", "privateKey", "newPassword", "JSESSIONID",
				"db.password", "Set-Cookie", "X-Amz-Signature", "sessionId");
		Arbitrary<String> values = token(ALNUM, 10, 24).map((value) -> value + "7Q");
		return Combinators.combine(names, values, Arbitraries.integers().between(0, 9)).as((name, value, form) -> {
			String half = value.substring(0, value.length() / 2);
			String rest = value.substring(value.length() / 2);
			return switch (form) {
				case 0 -> new Secret("key-value", name + "=" + value, List.of(value));
				case 1 -> new Secret("key-value", name + ": " + value, List.of(value));
				case 2 -> new Secret("key-value", "\"" + name + "\":\"" + value + "\"", List.of(value));
				case 3 -> new Secret("key-value", "\"" + name + "\":\"" + half + "\\\"" + rest + "\"",
						List.of(half, rest));
				case 4 -> new Secret("key-value", "<" + name + ">" + value + "</" + name + ">", List.of(value));
				case 5 -> new Secret("key-value", "\"" + name + "\":[\"" + half + "\",\"" + rest + "\"]",
						List.of(half, rest));
				case 6 -> new Secret("key-value", "next=%2Flogin%3F" + name + "%3D" + value + "%26lang%3Den",
						List.of(value));
				case 7 -> new Secret("key-value", "'" + name + "': '" + half + " " + rest + "'", List.of(half, rest));
				case 8 -> new Secret("key-value", name + "=" + value + "&page=2", List.of(value));
				default -> new Secret("key-value", "{\"" + name + "\":{\"inner\":\"" + value + "\"}}", List.of(value));
			};
		});
	}

	private static Arbitrary<Secret> pemBlocks() {
		return Combinators.combine(Arbitraries.of("", "RSA ", "EC ", "OPENSSH ", "ENCRYPTED "),
				token(ALNUM + "+/", 64, 64).list().ofMinSize(2).ofMaxSize(4), Arbitraries.of(true, false))
			.as((type, lines, ended) -> {
				String block = "-----BEGIN " + type + "PRIVATE KEY-----\n" + String.join("\n", lines)
						+ (ended ? "\n-----END " + type + "PRIVATE KEY-----" : "");
				return new Secret("pem", block, lines);
			});
	}

	private static Arbitrary<Secret> urlCredentials() {
		Arbitrary<String> passwords = token(ALNUM + "!$*-_", 8, 20).map((password) -> password + "9x");
		return Combinators.combine(Arbitraries.of("redis://", "postgres://", "mongodb+srv://", "amqp://",
				"https://", "ftp://", ""), Arbitraries.of("", "admin", "svc.user", "deploy"), passwords,
				Arbitraries.of("cache", "db-3.internal", "build.example.com", "10.0.0.5:5432"))
			.as((scheme, user, password, host) -> {
				String written = scheme + user + ":" + password + "@" + (scheme.isEmpty() ? "build.example.com" : host);
				return new Secret("url-credentials", written, List.of(password));
			})
			.filter((secret) -> !secret.text().startsWith(":"));
	}

	private static Arbitrary<Secret> bearers() {
		return Combinators.combine(Arbitraries.of("Authorization: Bearer ", "Bearer ", "authorization=Bearer "),
				token(ALNUM + "._~+/-", 20, 40))
			.as((prefix, token) -> new Secret("bearer", prefix + token + "9Z", List.of(token + "9Z")));
	}

	private static Arbitrary<Secret> ssns() {
		return Combinators.combine(Arbitraries.integers().between(1, 899).filter((area) -> area != 666),
				Arbitraries.integers().between(1, 99), Arbitraries.integers().between(1, 9999))
			.as((area, group, serial) -> {
				String ssn = String.format("%03d-%02d-%04d", area, group, serial);
				return new Secret("ssn", ssn, List.of(ssn));
			});
	}

	private static Arbitrary<Secret> emails() {
		return Combinators.combine(token("abcdefghijklmnopqrstuvwxyz0123456789", 4, 12),
				Arbitraries.of("example.com", "mail.example.org", "corp.example.co.uk"))
			.as((local, domain) -> {
				String address = local + "@" + domain;
				return new Secret("email", address, List.of(address));
			});
	}

	private static Arbitrary<Secret> ibans() {
		return token("0123456789", 18, 18).map((bban) -> {
			int check = 98 - mod97(bban + "1314" + "00");
			String iban = "DE" + String.format("%02d", check) + bban;
			return new Secret("iban", iban, List.of(iban));
		});
	}

	private static Arbitrary<String> token(String chars, int min, int max) {
		return Arbitraries.strings().withChars(chars).ofMinLength(min).ofMaxLength(max);
	}

	private static int luhnDigit(String body) {
		int sum = 0;
		for (int i = 0; i < body.length(); i++) {
			int digit = body.charAt(body.length() - 1 - i) - '0';
			if (i % 2 == 0) {
				digit *= 2;
				if (digit > 9) {
					digit -= 9;
				}
			}
			sum += digit;
		}
		return (10 - sum % 10) % 10;
	}

	private static int mod97(String digits) {
		int remainder = 0;
		for (char c : digits.toCharArray()) {
			remainder = (remainder * 10 + (c - '0')) % 97;
		}
		return remainder;
	}

	/**
	 * A generated secret.
	 *
	 * @param kind what it is
	 * @param text how it is written
	 * @param cores the parts of it that no output may hold
	 */
	public record Secret(String kind, String text, List<String> cores) {

		@Override
		public String toString() {
			return this.kind + ": " + this.text;
		}

	}

}
