package se.vardbrygga.adapter.validation;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.util.List;
import org.hl7.fhir.common.hapi.validation.support.NpmPackageValidationSupport;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.hl7.fhir.utilities.validation.ValidationMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.vardbrygga.profiles.Canonical;
import se.vardbrygga.profiles.ProfilePackage;
import se.vardbrygga.profiles.ProfileValidationSupport;

/**
 * Validates every write against the profile the resource claims in {@code meta.profile}, or the
 * project's default profile for its type and code ({@link DefaultProfiles}), plus the Swedish
 * identifier checks FHIRPath cannot express. Terminology of the project's code systems is checked
 * offline from the package. The support chain and validator are built once, shared by all requests,
 * and warmed at start so that the first request is not the slow one.
 */
public final class ProfileValidator implements ResourceValidator {
    private static final Logger LOG = LoggerFactory.getLogger(ProfileValidator.class);
    private static final java.util.regex.Pattern RULE_ID = java.util.regex.Pattern.compile("R-[A-Z]+-[0-9]+");

    private final FhirContext context;
    private final InstanceValidatorPool validators;
    private final List<StructureDefinition> projectProfiles;

    private ProfileValidator(FhirContext context, InstanceValidatorPool validators, List<StructureDefinition> projectProfiles) {
        this.context = context;
        this.validators = validators;
        this.projectProfiles = projectProfiles;
    }

    public static ProfileValidator create(FhirContext context) {
        NpmPackageValidationSupport project = ProfileValidationSupport.projectPackage(context);
        List<StructureDefinition> profiles = project.<StructureDefinition>fetchAllStructureDefinitions().stream()
                .filter(sd -> sd.getUrl().startsWith(ProfilePackage.STRUCTURE_DEFINITION_BASE))
                .toList();
        return new ProfileValidator(context,
                new InstanceValidatorPool(ProfileValidationSupport.chain(context, project), InstanceValidatorPool.DEFAULT_MAX_USES), profiles);
    }

    @Override
    public void validate(Resource resource, String json) {
        OperationOutcome outcome = check(resource, json);
        if (outcome.hasIssue()) {
            throw new UnprocessableEntityException(context, outcome);
        }
    }

    /** The errors of a resource as an OperationOutcome; no issues means valid. */
    public OperationOutcome check(Resource resource) {
        return check(resource, context.newJsonParser().encodeResourceToString(resource));
    }

    private OperationOutcome check(Resource resource, String json) {
        List<String> profiles = resource.getMeta().hasProfile()
                ? resource.getMeta().getProfile().stream().map(p -> p.getValue()).toList()
                : DefaultProfiles.of(resource).map(List::of).orElse(List.of());
        OperationOutcome outcome = new OperationOutcome();
        for (ValidationMessage message : validators.validate(json, profiles)) {
            if (message.getLevel() == ValidationMessage.IssueSeverity.ERROR
                    || message.getLevel() == ValidationMessage.IssueSeverity.FATAL) {
                var issue = outcome.addIssue()
                        .setSeverity(IssueSeverity.ERROR)
                        .setCode(IssueType.INVALID)
                        .setDiagnostics(message.getMessage());
                if (message.getLocation() != null) {
                    issue.addExpression(message.getLocation());
                }
                // an invariant that serves a domain rule names it in its text: carry it as the
                // rule coding of the public contract (ARCHITECTURE.md, "The public contract")
                java.util.regex.Matcher rule = RULE_ID.matcher(message.getMessage());
                while (rule.find()) {
                    issue.getDetails().addCoding().setSystem(Canonical.RULE).setCode(rule.group());
                }
            }
        }
        for (SwedishIdentifierChecks.Finding finding : SwedishIdentifierChecks.check(resource)) {
            outcome.addIssue().setSeverity(IssueSeverity.ERROR).setCode(finding.type())
                    .setDiagnostics(finding.message()).addExpression(finding.expression());
        }
        return outcome;
    }

    /**
     * Validates the package's examples (and an empty instance of every profile) a few times before the
     * first client request: loads the structures, builds their snapshots, compiles the invariants and
     * lets the JIT see the validator's hot paths.
     */
    public void warmUp() {
        long started = System.nanoTime();
        List<Resource> warmers = new java.util.ArrayList<>(ProfileExamples.all());
        for (StructureDefinition profile : projectProfiles) {
            if (profile.getKind() == StructureDefinition.StructureDefinitionKind.RESOURCE) {
                Resource empty = (Resource) context.getResourceDefinition(profile.getType()).newInstance();
                empty.getMeta().addProfile(profile.getUrl());
                warmers.add(empty);
            }
        }
        for (int round = 0; round < 3; round++) {
            long t = System.nanoTime();
            warmers.forEach(this::check);
            LOG.debug("Validator warm-up round {}: {} ms", round, (System.nanoTime() - t) / 1_000_000);
        }
        LOG.info("Profile validator warmed with {} resources for {} profiles in {} ms", warmers.size(),
                projectProfiles.size(), (System.nanoTime() - started) / 1_000_000);
    }
}
