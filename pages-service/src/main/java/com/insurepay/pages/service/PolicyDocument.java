package com.insurepay.pages.service;

/** What a request for a policy document gets: the PDF, a refusal, or nothing to show. */
public sealed interface PolicyDocument {

    record Pdf(String fileName, byte[] content) implements PolicyDocument {
    }

    /** The link's token is wrong or has expired: the customer needs a new link. */
    record Refused(boolean expired) implements PolicyDocument {
    }

    record NotFound() implements PolicyDocument {
    }
}
