package com.insurepay.common.privacy;

/** Shows enough of an e-mail address for its owner to recognise it, and no more: {@code a***@example.com}. */
public final class EmailMask {

    private EmailMask() {
    }

    /** @return the masked address, or null when there is none or it does not look like an address */
    public static String mask(String email) {
        if (email == null) {
            return null;
        }
        String trimmed = email.trim();
        int at = trimmed.lastIndexOf('@');
        if (at <= 0 || at == trimmed.length() - 1) {
            return null;
        }
        return trimmed.codePoints().limit(1).collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                + "***" + trimmed.substring(at);
    }
}
