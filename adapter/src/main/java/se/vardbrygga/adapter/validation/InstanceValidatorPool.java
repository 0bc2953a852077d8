package se.vardbrygga.adapter.validation;

import ca.uhn.fhir.context.support.IValidationSupport;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.LongAdder;
import org.hl7.fhir.common.hapi.validation.validator.FhirDefaultPolicyAdvisor;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.r5.context.IWorkerContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.hl7.fhir.r5.elementmodel.ParserBase;
import org.hl7.fhir.r5.elementmodel.ValidatedFragment;
import org.hl7.fhir.r5.model.StructureDefinition;
import org.hl7.fhir.r5.utils.validation.ValidatorSession;
import org.hl7.fhir.r5.utils.validation.constants.BestPracticeWarningLevel;
import org.hl7.fhir.r5.utils.validation.constants.IdStatus;
import org.hl7.fhir.r5.utils.xver.XVerExtensionManagerOld;
import org.hl7.fhir.utilities.validation.ValidationMessage;
import org.hl7.fhir.validation.ValidatorSettings;
import org.hl7.fhir.validation.instance.InstanceValidator;

/**
 * HL7 InstanceValidators kept for reuse. HAPI's FhirInstanceValidator builds a new InstanceValidator
 * for every call, and its constructor loads the OID table from CSV and sets up FHIRPath and profile
 * utilities — about 10 ms of a 14 ms validation here. This pool builds one per concurrent caller,
 * once, over one shared worker context (the validation support chain), and hands it back after use;
 * a validator is never used by two threads at once. Settings are those of HAPI's ValidatorWrapper.
 * <p>
 * An InstanceValidator is not made for many validations: its CodingsObserver keeps every coding it has
 * seen, with the node stack of the validated resource, and never lets go (about 60 KB per validated
 * Task), so a validator that lives for ever holds every resource it validated. Each one is therefore
 * replaced after {@code maxUses} validations, which bounds what it holds and spreads its construction
 * over many calls.
 */
final class InstanceValidatorPool {
    /**
     * Validations per validator: ~30 MB held at most per pooled validator (one per core), ~0.03 ms construction per
     * call (at 100 uses a rebuild every 100 validations took a tenth of the validation time).
     */
    static final int DEFAULT_MAX_USES = 500;

    private final IWorkerContext worker;
    private final int maxUses;
    private final ConcurrentLinkedDeque<Slot> idle = new ConcurrentLinkedDeque<>();
    private final Map<String, StructureDefinition> profiles = new ConcurrentHashMap<>();
    private final LongAdder validatorsBuilt = new LongAdder();
    private final Semaphore running;

    InstanceValidatorPool(IValidationSupport chain, int maxUses) {
        this(chain, maxUses, Runtime.getRuntime().availableProcessors());
    }

    /**
     * At most {@code concurrent} validations run at once, the rest wait for a slot: validation is pure CPU, so more
     * side by side than there are cores only adds their garbage to the heap at the same time (under overload that
     * made young collections of several hundred ms) and pooled validators that each hold up to {@code maxUses}
     * resources.
     */
    InstanceValidatorPool(IValidationSupport chain, int maxUses, int concurrent) {
        this.worker = new CachingWorkerContext(chain);
        this.maxUses = maxUses;
        this.running = new Semaphore(Math.max(1, concurrent), true);
    }

    /**
     * Validates a resource given as JSON against the profiles (canonical URLs); an unknown profile
     * is an error message of its own.
     */
    List<ValidationMessage> validate(String json, List<String> profileUrls) {
        List<ValidationMessage> messages = new ArrayList<>();
        List<StructureDefinition> structures = new ArrayList<>();
        for (String url : profileUrls) {
            StructureDefinition sd = profiles.computeIfAbsent(url, u -> worker.fetchResource(StructureDefinition.class, u));
            if (sd == null) {
                profiles.remove(url);
                messages.add(new ValidationMessage().setLevel(ValidationMessage.IssueSeverity.ERROR)
                        .setLocation("meta.profile").setMessage("Unknown profile " + url));
            } else {
                structures.add(sd);
            }
        }
        if (!messages.isEmpty()) {
            return messages;
        }
        running.acquireUninterruptibly();
        Slot slot = null;
        try {
            slot = idle.pollFirst();
            if (slot == null) {
                slot = new Slot(newParser());
            }
            if (slot.validator == null || slot.uses >= maxUses) {
                slot.validator = newValidator();
                slot.uses = 0;
                validatorsBuilt.increment();
            }
            slot.uses++;
            // What InstanceValidator.validate(InputStream, JSON, profiles) does, minus building a new
            // element parser (and its FHIRPath engine and XHTML parser) for every call.
            List<ValidatedFragment> fragments = slot.parser.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
            for (ValidatedFragment fragment : fragments) {
                if (fragment.getElement() != null) {
                    slot.validator.validate(null, fragment.getErrors(), fragment.path(), fragment.getElement(), structures);
                }
                messages.addAll(fragment.getErrors());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (slot != null) {
                idle.offerFirst(slot);
            }
            running.release();
        }
        return messages;
    }

    /** How many InstanceValidators this pool has built (each replaced one counts). */
    long validatorsBuilt() {
        return validatorsBuilt.sum();
    }

    /** A validator, how often it has been used, and its element parser; used by one thread at a time. */
    private static final class Slot {
        private final ParserBase parser;
        private InstanceValidator validator;
        private int uses;

        private Slot(ParserBase parser) {
            this.parser = parser;
        }
    }

    private ParserBase newParser() {
        ParserBase parser = new IndexedJsonParser(worker); // what Manager.makeParser(worker, JSON) makes, minus a scan per parse
        parser.setupValidation(ParserBase.ValidationPolicy.EVERYTHING);
        return parser;
    }

    private InstanceValidator newValidator() {
        try {
            InstanceValidator v = new InstanceValidator(worker, new FhirInstanceValidator.NullEvaluationContext(),
                    new XVerExtensionManagerOld(worker), new ValidatorSession(), new ValidatorSettings());
            v.setBestPracticeWarningLevel(BestPracticeWarningLevel.Ignore);
            v.setAnyExtensionsAllowed(true);
            v.setResourceIdRule(IdStatus.OPTIONAL);
            v.setNoTerminologyChecks(false);
            v.setErrorForUnknownProfiles(true);
            // as HAPI's ValidatorWrapper: unknown code systems are then turned into warnings by the chain
            v.setUnknownCodeSystemsCauseErrors(true);
            v.setNoExtensibleWarnings(true);
            v.setAllowExamples(true);
            v.setAllowXsiLocation(true);
            v.setPolicyAdvisor(new FhirDefaultPolicyAdvisor());
            return v;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot build the FHIR instance validator", e);
        }
    }
}
