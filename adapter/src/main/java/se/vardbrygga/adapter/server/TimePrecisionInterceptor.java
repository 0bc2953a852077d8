package se.vardbrygga.adapter.server;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.Property;
import org.hl7.fhir.r4.model.Resource;
import se.vardbrygga.adapter.fhir.Outcomes;

/**
 * Refuses, with 400 naming the element, a date/time that has hours and minutes but no seconds
 * ({@code 2026-11-25T17:19Z}). FHIR R4 allows no such value in date, dateTime or instant; HAPI's parser keeps it
 * (as minute precision) even when strict, but cannot copy it — a transaction, which works on a copy of its entries,
 * would otherwise end in a 500. The $validate operation is left to the validator, which reports it as an issue.
 */
public final class TimePrecisionInterceptor {

    @Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED)
    public void refuseMinutePrecision(RequestDetails request) {
        if ("$validate".equals(request.getOperation()) || !(request.getResource() instanceof Resource resource)) {
            return;
        }
        firstWithoutSeconds(resource, resource.fhirType()).ifPresent(path -> {
            throw Outcomes.invalid("A time must have seconds (FHIR date/time format, e.g. 2026-11-25T17:19:00+01:00): "
                    + path.expression() + " is '" + path.text() + "'", path.expression());
        });
    }

    /** The first date/time element with minutes but no seconds, depth first, with its FHIRPath. */
    static Optional<Found> firstWithoutSeconds(Base element, String path) {
        if (element instanceof BaseDateTimeType time) {
            return time.getPrecision() == TemporalPrecisionEnum.MINUTE
                    ? Optional.of(new Found(path, time.getValueAsString()))
                    : Optional.empty();
        }
        for (Property child : element.children()) {
            List<Base> values = child.getValues();
            for (int i = 0; i < values.size(); i++) {
                String name = child.getName().endsWith("[x]") // a choice is named by its type: occurrenceDateTime
                        ? child.getName().replace("[x]", capitalized(values.get(i).fhirType())) : child.getName();
                String childPath = path + "." + name + (child.getMaxCardinality() > 1 ? "[" + i + "]" : "");
                Optional<Found> found = firstWithoutSeconds(values.get(i), childPath);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    private static String capitalized(String type) {
        return Character.toUpperCase(type.charAt(0)) + type.substring(1);
    }

    /** Where the value is (FHIRPath) and what the client sent. */
    record Found(String expression, String text) {}
}
