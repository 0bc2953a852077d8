package se.vardbrygga.adapter.outage;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * The outage routine's SBAR form (R-OUT-1) as a PDF: patient, sender, receiver, the four sections S, B, A, R and the
 * order it concerns, in the order the paper form has them. Text is wrapped to the page and continued on new pages.
 */
public final class SbarForm {
    /**
     * What the form carries; any field may be empty except the patient and the units. {@code title} replaces the
     * standard heading and {@code note} is printed under it (a region's variant, e.g. Jämtland's written summary,
     * R-TK-7); both may be null.
     */
    public record Content(String patient, String sender, String receiver, String situation, String background,
                          String assessment, String recommendation, String order, String title, String note) {
        public Content(String patient, String sender, String receiver, String situation, String background,
                       String assessment, String recommendation, String order) {
            this(patient, sender, receiver, situation, background, assessment, recommendation, order, null, null);
        }
    }

    private static final float MARGIN = 50;
    private static final float LEADING = 14;
    private static final int WRAP = 90;

    private SbarForm() {
    }

    public static byte[] pdf(Content c) {
        List<String[]> lines = new ArrayList<>();
        lines.add(new String[] {"title", c.title() == null ? "SBAR - överföring av information (avbrottsrutin)" : c.title()});
        if (c.note() != null) {
            for (String part : wrap(c.note())) {
                lines.add(new String[] {"text", part});
            }
        }
        field(lines, "Patient", c.patient());
        field(lines, "Avsändare", c.sender());
        field(lines, "Mottagare", c.receiver());
        field(lines, "S - Situation", c.situation());
        field(lines, "B - Bakgrund", c.background());
        field(lines, "A - Aktuellt tillstånd", c.assessment());
        field(lines, "R - Rekommendation", c.recommendation());
        field(lines, "Uppdrag / ordination", c.order());
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            PDPageContentStream text = null;
            float y = 0;
            for (String[] line : lines) {
                if (text == null || y < MARGIN) {
                    if (text != null) {
                        text.endText();
                        text.close();
                    }
                    PDPage page = new PDPage(PDRectangle.A4);
                    document.addPage(page);
                    text = new PDPageContentStream(document, page);
                    text.beginText();
                    y = page.getMediaBox().getHeight() - MARGIN;
                    text.newLineAtOffset(MARGIN, y);
                }
                boolean heading = !line[0].equals("text");
                text.setFont(heading ? bold : regular, line[0].equals("title") ? 14 : 11);
                text.showText(printable(line[1]));
                text.newLineAtOffset(0, -LEADING);
                y -= LEADING;
            }
            if (text != null) {
                text.endText();
                text.close();
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("SBAR form could not be written", e);
        }
    }

    private static void field(List<String[]> lines, String label, String value) {
        lines.add(new String[] {"heading", label});
        String v = value == null || value.isBlank() ? "-" : value;
        for (String paragraph : v.split("\\R")) {
            for (String part : wrap(paragraph)) {
                lines.add(new String[] {"text", part});
            }
        }
    }

    private static List<String> wrap(String paragraph) {
        List<String> out = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : paragraph.split(" ")) {
            if (line.length() + word.length() + 1 > WRAP && line.length() > 0) {
                out.add(line.toString());
                line.setLength(0);
            }
            line.append(line.length() == 0 ? "" : " ").append(word);
        }
        out.add(line.toString());
        return out;
    }

    /** The standard fonts carry WinAnsi (Latin-1 and more, å ä ö included); anything else becomes '?'. */
    private static String printable(String s) {
        StringBuilder out = new StringBuilder();
        for (char ch : s.toCharArray()) {
            out.append(ch < 256 || "–—‘’“”•€".indexOf(ch) >= 0 ? (ch == '\t' ? ' ' : ch) : '?');
        }
        return out.toString();
    }
}
