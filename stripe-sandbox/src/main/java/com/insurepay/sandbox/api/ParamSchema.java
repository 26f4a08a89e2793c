package com.insurepay.sandbox.api;

import java.util.ArrayList;
import java.util.List;

/**
 * The parameters one endpoint accepts, as bracket patterns: {@code line_items[#][quantity]} where
 * {@code #} is a list index and {@code *} any key (e.g. {@code metadata[*]}). Unknown parameters are
 * rejected like Stripe does, so integration mistakes surface here rather than in production.
 */
public final class ParamSchema {

  private final List<List<String>> patterns = new ArrayList<>();

  private ParamSchema() {}

  public static ParamSchema of(String... patterns) {
    ParamSchema schema = new ParamSchema();
    for (String p : patterns) {
      schema.patterns.add(StripeParams.segments(p));
    }
    return schema;
  }

  /** Also accepts every pattern of {@code other} under {@code prefix}, e.g. created[gte]. */
  public ParamSchema with(String... more) {
    for (String p : more) {
      patterns.add(StripeParams.segments(p));
    }
    return this;
  }

  boolean accepts(List<String> key, boolean emptyValue) {
    for (List<String> pattern : patterns) {
      if (key.size() > pattern.size()) {
        continue;
      }
      if (key.size() < pattern.size() && !emptyValue) {
        continue;
      }
      boolean match = true;
      for (int i = 0; i < key.size() && match; i++) {
        String want = pattern.get(i);
        String got = key.get(i);
        match =
            switch (want) {
              case "#" -> got.isEmpty() || got.chars().allMatch(Character::isDigit);
              case "*" -> !got.isEmpty();
              default -> want.equals(got);
            };
      }
      if (match) {
        return true;
      }
    }
    return false;
  }
}
