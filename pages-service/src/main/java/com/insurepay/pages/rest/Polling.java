package com.insurepay.pages.rest;

import io.quarkus.qute.TemplateData;

/** How the processing page polls; read by static/processing.js from data attributes (no inline script). */
@TemplateData
public record Polling(String statusUrl, long intervalMillis, long waitMillis) {
}
