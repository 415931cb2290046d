package io.github.structuredlogging.masking;

import java.math.BigInteger;

/**
 * The check digits that tell a real card number or IBAN from a look-alike.
 */
final class Checksums {

	private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);

	private Checksums() {
	}

	/**
	 * Return whether the digits pass the Luhn check of payment card numbers.
	 * @param digits the digits only
	 * @return whether they pass
	 */
	static boolean luhn(CharSequence digits) {
		int sum = 0;
		boolean twice = false;
		for (int i = digits.length() - 1; i >= 0; i--) {
			int digit = digits.charAt(i) - '0';
			if (twice) {
				digit *= 2;
				if (digit > 9) {
					digit -= 9;
				}
			}
			sum += digit;
			twice = !twice;
		}
		return sum % 10 == 0;
	}

	/**
	 * Return whether the IBAN, without spaces, passes its mod-97 check.
	 * @param iban the IBAN in upper case, without spaces
	 * @return whether it passes
	 */
	static boolean iban(String iban) {
		if (iban.length() < 15 || iban.length() > 34) {
			return false;
		}
		String rearranged = iban.substring(4) + iban.substring(0, 4);
		StringBuilder numeric = new StringBuilder(rearranged.length() * 2);
		for (int i = 0; i < rearranged.length(); i++) {
			char c = rearranged.charAt(i);
			if (c >= '0' && c <= '9') {
				numeric.append(c);
			}
			else if (c >= 'A' && c <= 'Z') {
				numeric.append(c - 'A' + 10);
			}
			else {
				return false;
			}
		}
		return new BigInteger(numeric.toString()).mod(NINETY_SEVEN).intValue() == 1;
	}

	/**
	 * Return whether a string of digits has the length and check digit of a card number.
	 * @param digits the digits only
	 * @return whether it may be a card number
	 */
	static boolean cardNumber(CharSequence digits) {
		return digits.length() >= 13 && digits.length() <= 19 && luhn(digits);
	}

}
