package se.vardbrygga.mappings.intake;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The intake kinds: for each its JSON Schema, its record and its mapping. {@link #map} is the whole
 * pure way from a document to a FHIR transaction: schema, record, mapping.
 */
public final class IntakeKinds {
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    private record Kind<R>(Class<R> type, IntakeMapping<R> mapping, JsonSchema schema, String schemaText) {
        MappedIntake map(JsonNode document, IntakeContext context) {
            return mapping.map(JSON.convertValue(document, type), context);
        }
    }

    private final Map<String, Kind<?>> kinds = Map.ofEntries(
            kind(CompanionNeedMapping.KIND, IntakeRecords.CompanionNeed.class, new CompanionNeedMapping()),
            kind(DelegationMapping.KIND, IntakeRecords.Delegation.class, new DelegationMapping()),
            kind(AdmissionMapping.KIND, IntakeRecords.Admission.class, new AdmissionMapping()),
            kind(HomeVisitMapping.KIND, IntakeRecords.HomeVisit.class, new HomeVisitMapping()),
            kind(SbarHandoverMapping.KIND, IntakeRecords.SbarHandover.class, new SbarHandoverMapping()),
            kind(HomeCareAssignmentMapping.KIND, IntakeRecords.HomeCareAssignment.class, new HomeCareAssignmentMapping()),
            kind(SipInvitationMapping.KIND, IntakeRecords.SipInvitation.class, new SipInvitationMapping()),
            kind(EscalationMapping.KIND, IntakeRecords.Escalation.class, new EscalationMapping()),
            kind(ConsentMapping.KIND, IntakeRecords.ConsentDecision.class, new ConsentMapping()),
            kind(DeviceFollowUpMapping.KIND, IntakeRecords.DeviceFollowUpRecord.class, new DeviceFollowUpMapping()),
            kind(ServicePurchaseMapping.KIND, IntakeRecords.ServicePurchase.class, new ServicePurchaseMapping()),
            kind(ServicePurchaseAgreementMapping.KIND, IntakeRecords.ServicePurchaseAgreement.class, new ServicePurchaseAgreementMapping()),
            kind(ReportedHoursMapping.KIND, IntakeRecords.ReportedHoursRecord.class, new ReportedHoursMapping()));

    private static <R> Map.Entry<String, Kind<?>> kind(String id, Class<R> type, IntakeMapping<R> mapping) {
        String text = schemaText(id);
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(text, config);
        return Map.entry(id, new Kind<>(type, mapping, schema, text));
    }

    private static String schemaText(String id) {
        try (InputStream in = IntakeKinds.class.getResourceAsStream("/intake/schemas/" + id + ".json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JSON Schema of a kind, as served at {@code /intake/schemas/<kind>.json}. */
    public Optional<String> schema(String kind) {
        return Optional.ofNullable(kinds.get(kind)).map(Kind::schemaText);
    }

    public boolean exists(String kind) {
        return kinds.containsKey(kind);
    }

    /** The kinds, for messages: "admission, companion-need, delegation". */
    public String names() {
        return String.join(", ", new java.util.TreeSet<>(kinds.keySet()));
    }

    /**
     * Checks the document against the kind's schema and maps it.
     *
     * @throws IntakeRejected with the fields that break the schema or a rule the mapping checks
     */
    public MappedIntake map(String kind, byte[] document, IntakeContext context) {
        Kind<?> k = kinds.get(kind);
        JsonNode node;
        try {
            node = JSON.readTree(document);
        } catch (IOException e) {
            throw IntakeRejected.of("$", "The intake document is not valid JSON", null);
        }
        if (node == null || !node.isObject()) {
            throw IntakeRejected.of("$", "The intake document must be a JSON object", null);
        }
        List<FieldError> errors = new ArrayList<>();
        for (ValidationMessage m : k.schema().validate(node)) {
            errors.add(new FieldError(field(m), m.getMessage().replaceFirst("^\\$[^:]*: ", ""), null));
        }
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparing(FieldError::field));
            throw new IntakeRejected(errors);
        }
        return k.map(node, context);
    }

    /** The dotted field of a schema message: the instance location, plus the missing property. */
    private static String field(ValidationMessage m) {
        String location = m.getInstanceLocation().toString().replaceFirst("^\\$\\.?", "").replaceFirst("^/", "").replace('/', '.');
        String property = "required".equals(m.getType()) || "additionalProperties".equals(m.getType()) ? m.getProperty() : null;
        if (property != null) {
            location = location.isEmpty() ? property : location + "." + property;
        }
        return location.isEmpty() ? "$" : location;
    }
}
