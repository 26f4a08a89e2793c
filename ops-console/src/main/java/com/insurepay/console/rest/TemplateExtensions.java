package com.insurepay.console.rest;

import io.quarkus.qute.TemplateExtension;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Small helpers the templates call on strings. */
@TemplateExtension
public class TemplateExtensions {

    /** For a query parameter value. */
    static String urlEncode(String value) {
        return value == null ? "" : URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** "partially_refunded" → "partially refunded". */
    static String words(String wireName) {
        return wireName == null ? "" : wireName.replace('_', ' ');
    }
}
