package com.insurepay.sandbox.service;

import com.insurepay.sandbox.api.StripeApiException;
import java.net.URI;
import java.util.regex.Pattern;

/** Field checks shared by several endpoints, with Stripe's messages. */
final class Validation {

  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

  private Validation() {}

  static String url(String value, String param) {
    try {
      // Stripe keeps the {CHECKOUT_SESSION_ID} template literally; braces are not legal in a URI.
      URI uri = URI.create(value.replace("{CHECKOUT_SESSION_ID}", "x"));
      if (uri.getScheme() != null
          && (uri.getScheme().equals("http") || uri.getScheme().equals("https"))
          && uri.getHost() != null) {
        return value;
      }
    } catch (IllegalArgumentException e) {
      // fall through to Stripe's error
    }
    throw StripeApiException.invalid("url_invalid", param, "Not a valid URL");
  }

  static String email(String value, String param) {
    if (!EMAIL.matcher(value).matches()) {
      throw StripeApiException.invalid("email_invalid", param, "Invalid email address: " + value);
    }
    return value;
  }

  static String maxLength(String value, int max, String param) {
    if (value.length() > max) {
      throw StripeApiException.invalid(
          "string_length_exceeded", param, "This value must be " + max + " characters or fewer.");
    }
    return value;
  }

  static long atLeast(long value, long min, String param) {
    if (value < min) {
      throw StripeApiException.invalid(
          "parameter_invalid_integer", param, "This value must be greater than or equal to " + min + ".");
    }
    return value;
  }
}
