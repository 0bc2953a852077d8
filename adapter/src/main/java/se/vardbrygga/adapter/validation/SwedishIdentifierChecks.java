package se.vardbrygga.adapter.validation;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Resource;
import se.vardbrygga.profiles.Canonical;

/**
 * The identifier rules FHIRPath cannot say, checked next to the profile validator: the check digit of
 * a personnummer or samordningsnummer (Luhn over YYMMDDNNN), a real date of birth, the samordningsnummer
 * day + 60, and the form of an HSA-id. Messages never quote the value (it may be a personnummer).
 */
public final class SwedishIdentifierChecks {
    public static final String PERSONNUMMER_CHECKDIGIT = "vb-personnummer-checkdigit";
    public static final String PERSONNUMMER_DATE = "vb-personnummer-date";
    public static final String SAMORDNINGSNUMMER_CHECKDIGIT = "vb-samordningsnummer-checkdigit";
    public static final String SAMORDNINGSNUMMER_DAY = "vb-samordningsnummer-day";
    public static final String HSA_ID = "vb-hsa-id";

    private static final Pattern TWELVE_DIGITS = Pattern.compile("(19|20)[0-9]{10}");
    private static final Pattern HSA_FORM = Pattern.compile("SE[0-9]{10}-[A-Za-z0-9]{1,31}");

    /** One finding: which check, where (FHIRPath), and what is wrong. */
    public record Finding(String key, String expression, String message, IssueType type) {
    }

    private SwedishIdentifierChecks() {
    }

    public static List<Finding> check(Resource resource) {
        List<Finding> findings = new ArrayList<>();
        org.hl7.fhir.r4.model.Property property = resource.getNamedProperty("identifier");
        if (property == null) {
            return findings;
        }
        List<Base> identifiers = property.getValues();
        for (int i = 0; i < identifiers.size(); i++) {
            if (identifiers.get(i) instanceof Identifier id && id.hasValue() && id.hasSystem()) {
                String path = resource.fhirType() + ".identifier[" + i + "].value";
                switch (id.getSystem()) {
                    case Canonical.PERSONNUMMER -> checkPersonalNumber(id.getValue(), false, path, findings);
                    case Canonical.SAMORDNINGSNUMMER -> checkPersonalNumber(id.getValue(), true, path, findings);
                    case Canonical.HSA_ID -> {
                        if (!HSA_FORM.matcher(id.getValue()).matches()) {
                            findings.add(new Finding(HSA_ID, path,
                                    HSA_ID + ": an HSA-id is SE, ten digits, '-' and 1-31 letters or digits", IssueType.VALUE));
                        }
                    }
                    default -> {
                        // other identifier systems have no Swedish rule
                    }
                }
            }
        }
        return findings;
    }

    /** YYYYMMDDNNNC: a real date (day + 60 for samordningsnummer) and the Luhn digit over YYMMDDNNN. */
    private static void checkPersonalNumber(String value, boolean coordination, String path, List<Finding> out) {
        String kind = coordination ? "samordningsnummer" : "personnummer";
        if (!TWELVE_DIGITS.matcher(value).matches()) {
            out.add(new Finding(coordination ? SAMORDNINGSNUMMER_CHECKDIGIT : PERSONNUMMER_CHECKDIGIT, path,
                    "A " + kind + " is twelve digits YYYYMMDDNNNC without a dash", IssueType.VALUE));
            return;
        }
        int day = Integer.parseInt(value.substring(6, 8));
        if (coordination && day <= 60) {
            out.add(new Finding(SAMORDNINGSNUMMER_DAY, path,
                    SAMORDNINGSNUMMER_DAY + ": the day of a samordningsnummer is the day of birth + 60", IssueType.VALUE));
            return;
        }
        try {
            LocalDate.of(Integer.parseInt(value.substring(0, 4)), Integer.parseInt(value.substring(4, 6)),
                    coordination ? day - 60 : day);
        } catch (DateTimeException e) {
            out.add(new Finding(coordination ? SAMORDNINGSNUMMER_DAY : PERSONNUMMER_DATE, path,
                    "The date part of the " + kind + " is not a date", IssueType.VALUE));
            return;
        }
        if (luhnCheckDigit(value.substring(2, 11)) != value.charAt(11) - '0') {
            String key = coordination ? SAMORDNINGSNUMMER_CHECKDIGIT : PERSONNUMMER_CHECKDIGIT;
            out.add(new Finding(key, path, key + ": the check digit of the " + kind + " is wrong", IssueType.VALUE));
        }
    }

    /** The Luhn check digit of YYMMDDNNN: weights 2,1,2,..., digit sums, 10 - sum mod 10. */
    public static int luhnCheckDigit(String nineDigits) {
        int sum = 0;
        for (int i = 0; i < nineDigits.length(); i++) {
            int d = (nineDigits.charAt(i) - '0') * (i % 2 == 0 ? 2 : 1);
            sum += d > 9 ? d - 9 : d;
        }
        return (10 - sum % 10) % 10;
    }
}
