package com.insurepay.pages.service;

import com.insurepay.common.payment.PolicyStatus;
import com.insurepay.common.policy.Policy;
import com.insurepay.common.privacy.EmailMask;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * The policy document, drawn on request with PDFBox. Only the Standard 14 fonts: nothing to embed or ship, and
 * they work in a native image. Their WinAnsi encoding cannot show every script, so other characters print as "?".
 */
@Startup
@ApplicationScoped
public class PolicyPdfRenderer {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final float MARGIN = 56;
    private static final float LABEL_WIDTH = 150;

    public PolicyPdfRenderer() {
        // Creating a Standard 14 font makes PDFBox scan the system fonts once and write a cache file, by default
        // in the home directory, which is read-only in our containers: keep it in the temp directory instead.
        if (System.getProperty("pdfbox.fontcache") == null) {
            System.setProperty("pdfbox.fontcache", System.getProperty("java.io.tmpdir"));
        }
        // The scan happens once per JVM; do it at start-up so no customer waits for it.
        new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    }

    /** The document, with the cover's status; anything but active is also stamped across the page in large letters. */
    public byte[] render(Policy policy, PolicyStatus status, String insurerName, Instant generatedAt) {
        // New font objects per document: PDFBox 3 font objects belong to one document (the shared 2.x constants are gone).
        PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            describe(document, policy, insurerName, generatedAt);
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            float width = page.getMediaBox().getWidth() - 2 * MARGIN;
            float y = page.getMediaBox().getHeight() - MARGIN;
            try (PDPageContentStream text = new PDPageContentStream(document, page)) {
                y = line(text, bold, 20, MARGIN, y, insurerName);
                y = line(text, regular, 13, MARGIN, y - 6, "Certificate of insurance");
                y -= 10;
                text.setLineWidth(0.8f);
                text.moveTo(MARGIN, y);
                text.lineTo(MARGIN + width, y);
                text.stroke();
                y -= 24;
                for (String[] row : rows(policy, status)) {
                    List<String> lines = wrap(regular, 11, row[1], width - LABEL_WIDTH);
                    line(text, bold, 11, MARGIN, y, row[0]);
                    for (String l : lines) {
                        y = line(text, regular, 11, MARGIN + LABEL_WIDTH, y, l);
                    }
                    y -= 8;
                }
                y -= 16;
                for (String l : wrap(regular, 9, "This document was generated on " + DATE.format(generatedAt)
                        + " from our records. Keep it with your travel documents. Quote your policy number whenever you contact us.",
                        width)) {
                    y = line(text, regular, 9, MARGIN, y, l);
                }
            }
            if (status != PolicyStatus.ACTIVE) {
                stamp(document, page, bold, status.wireName().toUpperCase(Locale.ROOT));
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("could not draw the policy document of " + policy.policyId(), e);
        }
    }

    /** A large red word across the page (CANCELLED, SUSPENDED), drawn at 45 degrees over the text. */
    private static void stamp(PDDocument document, PDPage page, PDType1Font font, String word) throws IOException {
        try (PDPageContentStream stamp = new PDPageContentStream(document, page, PDPageContentStream.AppendMode.APPEND, true, true)) {
            float size = 72;
            float wordWidth = font.getStringWidth(word) / 1000 * size;
            PDRectangle box = page.getMediaBox();
            stamp.setNonStrokingColor(0.8f, 0.1f, 0.1f);
            stamp.beginText();
            stamp.setFont(font, size);
            double angle = Math.toRadians(45);
            float cx = box.getWidth() / 2;
            float cy = box.getHeight() / 2;
            float x = (float) (cx - Math.cos(angle) * wordWidth / 2);
            float y = (float) (cy - Math.sin(angle) * wordWidth / 2);
            stamp.setTextMatrix(org.apache.pdfbox.util.Matrix.getRotateInstance(angle, x, y));
            stamp.showText(word);
            stamp.endText();
        }
    }

    private static List<String[]> rows(Policy p, PolicyStatus status) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"Policy number", p.policyNumber()});
        rows.add(new String[] {"Insured person",
                p.userId() + (EmailMask.mask(p.customerEmail()) == null ? "" : " (" + EmailMask.mask(p.customerEmail()) + ")")});
        rows.add(new String[] {"Product", p.productName() == null ? "Insurance" : p.productName()});
        rows.add(new String[] {"Premium paid", p.premium().format()});
        rows.add(new String[] {"Currency", p.currency()});
        rows.add(new String[] {"Payment reference", p.paymentId()});
        rows.add(new String[] {"Issue date", p.issuedAt() == null ? "-" : DATE.format(p.issuedAt())});
        rows.add(new String[] {"Status", capitalise(status.wireName()) + switch (status) {
            case ACTIVE -> "";
            case SUSPENDED -> " (a dispute of the payment is open)";
            case CANCELLED -> " (the premium was given back; this policy gives no cover)";
        }});
        return rows;
    }

    private static void describe(PDDocument document, Policy p, String insurerName, Instant generatedAt) {
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle("Policy " + p.policyNumber());
        info.setAuthor(insurerName);
        info.setSubject("Certificate of insurance");
        Calendar created = new GregorianCalendar(TimeZone.getTimeZone("UTC"), Locale.ROOT);
        created.setTimeInMillis(generatedAt.toEpochMilli());
        info.setCreationDate(created);
    }

    private static float line(PDPageContentStream text, PDType1Font font, float size, float x, float y, String value)
            throws IOException {
        text.beginText();
        text.setFont(font, size);
        text.newLineAtOffset(x, y);
        text.showText(printable(font, value));
        text.endText();
        return y - size * 1.4f;
    }

    /** Word-wraps to a width; a single word longer than the width is cut. */
    static List<String> wrap(PDType1Font font, float size, String value, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String word : printable(font, value).split(" ")) {
            String candidate = current.length() == 0 ? word : current + " " + word;
            if (widthOf(font, size, candidate) <= width) {
                current.setLength(0);
                current.append(candidate);
                continue;
            }
            if (current.length() > 0) {
                lines.add(current.toString());
            }
            current.setLength(0);
            String rest = word;
            while (widthOf(font, size, rest) > width && rest.length() > 1) {
                int cut = rest.length() - 1;
                while (cut > 1 && widthOf(font, size, rest.substring(0, cut)) > width) {
                    cut--;
                }
                lines.add(rest.substring(0, cut));
                rest = rest.substring(cut);
            }
            current.append(rest);
        }
        if (current.length() > 0 || lines.isEmpty()) {
            lines.add(current.toString());
        }
        return lines;
    }

    private static float widthOf(PDType1Font font, float size, String s) throws IOException {
        return font.getStringWidth(s) / 1000 * size;
    }

    /** Replaces what the font cannot encode (and control characters) so one odd character never breaks the PDF. */
    static String printable(PDType1Font font, String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(value.length());
        value.codePoints().forEach(cp -> {
            String ch = new String(Character.toChars(cp));
            if (Character.isISOControl(cp)) {
                out.append(' ');
                return;
            }
            try {
                font.encode(ch);
                out.append(ch);
            } catch (IOException | IllegalArgumentException e) {
                out.append('?');
            }
        });
        return out.toString();
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
