package com.insurepay.pages.rest;

import io.quarkus.qute.TemplateData;

/** What every page shows around its content. */
@TemplateData
public record Site(String insurerName) {
}
