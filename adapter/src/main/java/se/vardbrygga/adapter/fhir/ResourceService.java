package se.vardbrygga.adapter.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.model.api.ResourceMetadataKeyEnum;
import ca.uhn.fhir.model.valueset.BundleEntrySearchModeEnum;
import ca.uhn.fhir.rest.server.exceptions.PreconditionFailedException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.util.UrlUtil;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import se.vardbrygga.adapter.outbox.OutboxRouting;
import se.vardbrygga.adapter.search.Criterion;
import se.vardbrygga.adapter.search.IndexEntry;
import se.vardbrygga.adapter.search.IndexExtractor;
import se.vardbrygga.adapter.security.UnitParties;
import se.vardbrygga.adapter.search.SearchParamDef;
import se.vardbrygga.adapter.search.SearchQuery;
import se.vardbrygga.adapter.search.SearchRequest;
import se.vardbrygga.adapter.search.SearchRequestParser;
import se.vardbrygga.adapter.store.StoreSession;
import se.vardbrygga.adapter.store.StoredResource;
import se.vardbrygga.adapter.validation.ResourceValidator;
import se.vardbrygga.mappings.rules.Change;
import se.vardbrygga.mappings.routing.RoutingDecision;
import se.vardbrygga.mappings.rules.DomainRules;
import se.vardbrygga.mappings.rules.RuleEffects;
import se.vardbrygga.mappings.rules.RuleViolationException;

/**
 * The FHIR semantics of every interaction, over one {@link StoreSession}: server-assigned ids,
 * versions and lastUpdated, optimistic locking, conditional create, search with includes. Both the
 * REST providers and the Bundle processor (and with it the intake) go through here, so a resource is
 * written the same way whether it comes alone or inside a transaction: validated against its profile,
 * decided by the domain rules, stored with what the rules write alongside it and the outbox rows of its routes,
 * in one transaction.
 */
public final class ResourceService {
    private final FhirContext context;
    private final IndexExtractor extractor;
    private final SearchRequestParser searchParser;
    private final ResourceValidator validator;
    private final DomainRules rules;
    private final OutboxRouting routing;
    private final UnitParties parties;
    private final Clock clock;

    public ResourceService(FhirContext context, IndexExtractor extractor, SearchRequestParser searchParser,
                           ResourceValidator validator, DomainRules rules, OutboxRouting routing, Clock clock) {
        this.context = context;
        this.extractor = extractor;
        this.parties = new UnitParties(context);
        this.searchParser = searchParser;
        this.validator = validator;
        this.rules = rules;
        this.routing = routing;
        this.clock = clock;
    }

    public record WriteOutcome(Resource resource, boolean created) {
    }

    public WriteOutcome create(StoreSession session, Resource resource, String ifNoneExist) {
        Optional<Resource> existing = findConditionalMatch(session, resource.fhirType(), ifNoneExist);
        if (existing.isPresent()) {
            return new WriteOutcome(existing.get(), false);
        }
        return new WriteOutcome(insertNew(session, resource, newId()), true);
    }

    /** The profile check of a write, without the write: the errors, or one information issue saying there are none. */
    public org.hl7.fhir.r4.model.OperationOutcome validate(Resource resource) {
        try {
            validator.validate(resource, context.newJsonParser().encodeResourceToString(resource));
        } catch (ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException invalid) {
            return (org.hl7.fhir.r4.model.OperationOutcome) invalid.getOperationOutcome();
        }
        org.hl7.fhir.r4.model.OperationOutcome valid = new org.hl7.fhir.r4.model.OperationOutcome();
        valid.addIssue().setSeverity(org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity.INFORMATION)
                .setCode(org.hl7.fhir.r4.model.OperationOutcome.IssueType.INFORMATIONAL).setDiagnostics("No issues: the resource conforms to its profile");
        return valid;
    }

    /** A fresh server-assigned id. */
    public String newId() {
        return UUID.randomUUID().toString();
    }

    /** Writes version 1 of a resource under an id this service assigned with {@link #newId()}. */
    public Resource insertNew(StoreSession session, Resource resource, String id) {
        return write(session, resource, id, 1, Optional.empty(), Origin.CLIENT);
    }

    /**
     * Updates an existing resource. {@code expectedVersion} comes from If-Match: a stale version is
     * 412 Precondition Failed. There is no update-as-create: ids are assigned by the server.
     */
    public Resource update(StoreSession session, String type, String id, Resource resource, Integer expectedVersion,
                           Access access) {
        int current = session.lockCurrentVersion(type, id)
                .orElseThrow(() -> new ResourceNotFoundException(new IdType(type, id)));
        requireReadable(session, access, type, id);
        if (expectedVersion != null && expectedVersion != current) {
            throw new PreconditionFailedException("Version conflict: " + type + "/" + id + " is at version " + current
                    + ", the request expected version " + expectedVersion);
        }
        Resource before = toResource(session.read(type, id).orElseThrow());
        access.checkChange(session, before, resource); // read under the row lock: decided on what is replaced
        return write(session, resource, id, current + 1, Optional.of(before), Origin.CLIENT);
    }

    /** 404 unless the caller may read the resource: one it may not see does not exist for it. */
    public void requireReadable(StoreSession session, Access access, String type, String id) {
        if (!matches(session, type, id, access.readable(type))) {
            throw new ResourceNotFoundException(new IdType(type, id));
        }
    }

    /**
     * 403 unless the caller may have written this resource as it now stands: a unit writes only what names it as a
     * party (the fields of {@link UnitParties#pathsOf}). Checked before commit, after the write, so the whole
     * transaction rolls back (a transaction names the entry). An accepted write is audited in the same transaction.
     */
    public void acceptWrite(StoreSession session, Access access, Resource written) {
        String type = written.fhirType();
        String id = written.getIdElement().getIdPart();
        if (matches(session, type, id, access.writable(type))) {
            access.auditOf(written).ifPresent(event -> insertBookkeeping(session, event)); // logged with the write
            return;
        }
        List<String> fields = UnitParties.pathsOf(type);
        String message = type + ": " + access.who() + " writes only what names it as a party"
                + (fields.isEmpty() ? "" : " (" + String.join(", ", fields) + ")")
                + (type.equals("Patient") ? ", or a Patient it has a care relation with (written in the same transaction)" : "");
        throw Outcomes.forbidden(message, fields.isEmpty() ? type : fields.get(0));
    }

    private boolean matches(StoreSession session, String type, String id, Optional<Criterion> condition) {
        if (condition.isEmpty()) {
            return true;
        }
        return session.count(type, SearchQuery.of(List.of(new Criterion.Ids(List.of(id)), condition.get()))) > 0;
    }

    public Resource read(StoreSession session, String type, String id) {
        return session.read(type, id).map(this::toResource)
                .orElseThrow(() -> new ResourceNotFoundException(new IdType(type, id)));
    }

    public Resource vread(StoreSession session, String type, String id, int version) {
        return session.readVersion(type, id, version).map(this::toResource)
                .orElseThrow(() -> new ResourceNotFoundException(new IdType(type, id, String.valueOf(version))));
    }

    public List<Resource> history(StoreSession session, String type, String id) {
        List<StoredResource> versions = session.history(type, id);
        if (versions.isEmpty()) {
            throw new ResourceNotFoundException(new IdType(type, id));
        }
        return versions.stream().map(this::toResource).toList();
    }

    SearchResultPage search(StoreSession session, String type, SearchRequest request, Access access) {
        SearchQuery query = request.query();
        Optional<Criterion> readable = access.readable(type);
        if (readable.isPresent()) { // the count, the page and the offsets all of what the caller may see
            List<Criterion> criteria = new ArrayList<>(query.criteria());
            criteria.add(readable.get());
            query = new SearchQuery(criteria, query.sort(), query.offset(), query.count());
        }
        int total = session.count(type, query);
        if (request.countOnly()) {
            return new SearchResultPage(List.of(), total, 0, 0);
        }
        List<IBaseResource> page = new ArrayList<>();
        for (StoredResource stored : session.search(type, query)) {
            Resource r = toResource(stored);
            ResourceMetadataKeyEnum.ENTRY_SEARCH_MODE.put(r, BundleEntrySearchModeEnum.MATCH);
            page.add(r);
        }
        page.addAll(includes(session, page, request.includes(), access));
        return new SearchResultPage(page, total, query.offset(), query.count());
    }

    /** The matches of a search in FHIR query syntax ({@code status=in-progress&class=...}), oldest first. */
    public List<Resource> find(StoreSession session, String type, String query, int offset, int count, Access access) {
        List<Criterion> criteria = new ArrayList<>(searchParser.parseCriteria(type, UrlUtil.parseQueryString(query)));
        access.readable(type).ifPresent(criteria::add);
        return session.search(type, new SearchQuery(criteria, SearchQuery.Sort.INSERTION, offset, count)).stream()
                .map(this::toResource)
                .toList();
    }

    private List<IBaseResource> includes(StoreSession session, List<IBaseResource> matches, List<SearchParamDef> includes,
                                         Access access) {
        Map<String, IBaseResource> included = new LinkedHashMap<>();
        for (SearchParamDef def : includes) {
            for (IBaseResource match : matches) {
                for (String path : def.paths()) {
                    for (Reference ref : context.newTerser().getValues(match, path, Reference.class)) {
                        IndexExtractor.parseReference(ref.getReference())
                                .filter(target -> def.acceptsTarget(target[0]))
                                .filter(target -> !included.containsKey(target[0] + "/" + target[1]))
                                .filter(target -> matches(session, target[0], target[1], access.readable(target[0])))
                                .flatMap(target -> session.read(target[0], target[1]))
                                .map(this::toResource)
                                .ifPresent(r -> {
                                    ResourceMetadataKeyEnum.ENTRY_SEARCH_MODE.put(r, BundleEntrySearchModeEnum.INCLUDE);
                                    included.put(r.fhirType() + "/" + r.getIdElement().getIdPart(), r);
                                });
                    }
                }
            }
        }
        return new ArrayList<>(included.values());
    }

    /**
     * Conditional create: 0 matches = create, 1 = that one, more = 412 (FHIR R4 3.1.0.8.1). A committed match is the
     * answer without a lock (nothing will be created); only criteria that match nothing yet are locked until the
     * transaction ends and searched again, so two concurrent requests cannot both create — and requests naming an
     * existing resource (every intake for a known patient) do not wait for each other.
     */
    public Optional<Resource> findConditionalMatch(StoreSession session, String type, String ifNoneExist) {
        if (ifNoneExist == null || ifNoneExist.isBlank()) {
            return Optional.empty();
        }
        Optional<Resource> committed = findMatch(session, type, ifNoneExist);
        if (committed.isPresent()) {
            return committed;
        }
        session.lockCriteria(criteriaKey(type, criteria(ifNoneExist)));
        return findMatch(session, type, ifNoneExist);
    }

    /**
     * Locks the criteria of several conditional writes at once, in one global order (sorted keys), so that two
     * transactions with overlapping criteria wait for each other instead of deadlocking.
     */
    public void lockCriteria(StoreSession session, List<String[]> typeAndCriteria) {
        typeAndCriteria.stream().map(tc -> criteriaKey(tc[0], criteria(tc[1]))).distinct().sorted()
                .forEach(session::lockCriteria);
    }

    /**
     * The single match of {@code criteria} without locking them: for a conditional reference or a check that a unit
     * exists, which create nothing. Locking there would only add lock orders that can deadlock with conditional creates.
     */
    public Optional<Resource> findMatch(StoreSession session, String type, String criteria) {
        if (criteria == null || criteria.isBlank()) {
            return Optional.empty();
        }
        List<Criterion> parsed = searchParser.parseCriteria(type, criteria(criteria));
        List<StoredResource> matches = session.search(type, new SearchQuery(parsed, SearchQuery.Sort.INSERTION, 0, 2));
        if (matches.size() > 1) {
            throw new PreconditionFailedException("Conditional criteria match more than one " + type);
        }
        return matches.stream().findFirst().map(this::toResource);
    }

    private static Map<String, String[]> criteria(String ifNoneExist) {
        String query = ifNoneExist.contains("?") ? ifNoneExist.substring(ifNoneExist.indexOf('?') + 1) : ifNoneExist;
        return new TreeMap<>(UrlUtil.parseQueryString(query));
    }

    private static String criteriaKey(String type, Map<String, String[]> params) {
        StringBuilder canonical = new StringBuilder(type).append('?');
        params.forEach((k, v) -> canonical.append(k).append('=').append(String.join(",", v)).append('&'));
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return type + ":" + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Lets the rules amend a new resource, validates, decides by the rules ({@code decide}; off for what the rules
     * write themselves), stores,
     * and writes the rules' effects. A refusal (422) comes before anything is written; inside a
     * transaction the whole Bundle rolls back.
     */
    /**
     * Who writes: a client (amended, validated, decided by the rules), a rule (validated, not decided again), or the
     * delivery bookkeeping of the server itself (its AuditEvents and delivery status: built by code, not validated).
     */
    private enum Origin { CLIENT, RULE, BOOKKEEPING }

    /** What the rules and the routing read in this session: the directory, the patient's stays, the clock. */
    public se.vardbrygga.mappings.rules.Facts facts(StoreSession session) {
        return new StoreFacts(session, this, clock);
    }

    /** Writes what the server records about its own work (an AuditEvent of a delivery): no rules, no validation. */
    public Resource insertBookkeeping(StoreSession session, Resource resource) {
        return write(session, resource, newId(), 1, Optional.empty(), Origin.BOOKKEEPING);
    }

    /** Applies changes of the server's bookkeeping (a Task's delivery status) under the row lock, unvalidated. */
    public void applyBookkeeping(StoreSession session, List<Change> changes) {
        apply(session, new RuleEffects(List.of(), changes), Origin.BOOKKEEPING);
    }

    private Resource write(StoreSession session, Resource resource, String id, int version, Optional<Resource> before,
                           Origin origin) {
        boolean decide = origin == Origin.CLIENT;
        String type = resource.fhirType();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        resource.setId(new IdType(type, id, String.valueOf(version)));
        resource.getMeta().setVersionId(String.valueOf(version)).setLastUpdated(Date.from(now));
        StoreFacts facts = new StoreFacts(session, this, clock);
        RuleEffects effects = RuleEffects.NONE;
        String json;
        RoutingDecision routes;
        try {
            if (decide) {
                // e.g. held for want of consent (R-CON-1), priced hours (R-TK-4); validated as amended
                rules.amend(resource, before, facts);
            }
            routes = routing.decide(resource, before, facts); // a routed Task is stored as queued
            json = context.newJsonParser().encodeResourceToString(resource);
            if (origin != Origin.BOOKKEEPING) {
                validator.validate(resource, json);
            }
            if (decide) {
                effects = rules.onWrite(resource, before, facts);
            }
        } catch (RuleViolationException refused) {
            throw RuleOutcomes.refused(context, refused);
        }
        StoredResource stored = new StoredResource(type, id, version, now, json);
        List<IndexEntry> index = new ArrayList<>(extractor.extract(resource));
        index.addAll(parties.entries(session, resource));
        if (before.isEmpty()) {
            session.insert(stored, index);
        } else {
            session.update(stored, index);
        }
        routing.enqueue(session, resource, routes, now.toEpochMilli()); // delivered after commit
        apply(session, effects, Origin.RULE);
        return resource;
    }

    /** What the rules write with a resource: new resources, and changes made under the row lock. */
    public void apply(StoreSession session, RuleEffects effects) {
        apply(session, effects, Origin.RULE);
    }

    private void apply(StoreSession session, RuleEffects effects, Origin origin) {
        for (Resource created : effects.creates()) {
            write(session, created, newId(), 1, Optional.empty(), origin);
        }
        for (Change change : effects.changes()) {
            Optional<Integer> version = session.lockCurrentVersion(change.type(), change.id());
            if (version.isEmpty()) {
                continue;
            }
            // read after the lock: a concurrent writer's change is visible and decided on again
            Resource current = toResource(session.read(change.type(), change.id()).orElseThrow());
            change.change().apply(current.copy()).ifPresent(changed -> {
                write(session, changed.updated(), change.id(), version.get() + 1, Optional.of(current), origin);
                changed.alsoCreate().forEach(r -> write(session, r, newId(), 1, Optional.empty(), origin));
            });
        }
    }

    Resource toResource(StoredResource stored) {
        Resource resource = (Resource) context.newJsonParser().parseResource(stored.json());
        resource.setId(new IdType(stored.type(), stored.id(), String.valueOf(stored.version())));
        return resource;
    }

    public SearchRequestParser searchParser() {
        return searchParser;
    }
}
