package se.vardbrygga.adapter.jobs;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.vardbrygga.adapter.fhir.Access;
import se.vardbrygga.adapter.fhir.ResourceService;
import se.vardbrygga.adapter.store.ResourceStore;
import se.vardbrygga.mappings.Codes;
import se.vardbrygga.mappings.rules.AssistanceRules;

/**
 * R-PA-1: assistance compensation covers at most four weeks of a hospital stay, so for every ongoing
 * inpatient stay with personal assistance the executor gets a Task a week before the limit and one
 * when it has passed. Time, not a write, makes these due, so this job asks on a schedule. Each
 * reminder is a conditional create on its rule-task identifier: however often the job runs, and on
 * however many adapters, each reminder exists once.
 */
public final class AssistanceLimitReminders implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(AssistanceLimitReminders.class);
    private static final String ONGOING_STAYS = "class=" + Codes.V3_ACT_CODE + "|IMP&status=arrived,in-progress,onleave";
    private static final int PAGE = 200;

    private final ResourceStore store;
    private final ResourceService service;
    private final Clock clock;

    public AssistanceLimitReminders(ResourceStore store, ResourceService service, Clock clock) {
        this.store = store;
        this.service = service;
        this.clock = clock;
    }

    @Override
    public void run() {
        int created = runOnce();
        if (created > 0) {
            LOG.info("R-PA-1: created {} assistance-limit reminder(s)", created);
        }
    }

    /** Creates the reminders due now and returns how many were new. */
    public int runOnce() {
        Instant now = clock.instant();
        int created = 0;
        for (int offset = 0; ; offset += PAGE) {
            int from = offset;
            List<String> stays = store.inTransaction(s -> service.find(s, "Encounter", ONGOING_STAYS, from, PAGE, Access.ALL)).stream()
                    .map(r -> r.getIdElement().getIdPart())
                    .toList();
            for (String stay : stays) {
                created += remind(stay, now);
            }
            if (stays.size() < PAGE) {
                return created;
            }
        }
    }

    /** One stay in one transaction, decided on the stay as stored now (it may have ended since the search). */
    private int remind(String stayId, Instant now) {
        try {
            return store.inTransaction(s -> {
                Resource stay = service.read(s, "Encounter", stayId);
                int created = 0;
                for (AssistanceRules.Reminder reminder : AssistanceRules.dueReminders((Encounter) stay, now)) {
                    if (service.create(s, reminder.task(), reminder.ifNoneExist()).created()) {
                        created++;
                    }
                }
                return created;
            });
        } catch (RuntimeException e) {
            // the next run tries again; the log names the stay only, never the patient
            LOG.warn("R-PA-1: reminders for Encounter/{} not created: {}", stayId, e.getClass().getSimpleName());
            return 0;
        }
    }
}
