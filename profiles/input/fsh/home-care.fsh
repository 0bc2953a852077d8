// Home visits and home health care assignments (Västerbotten guidance, 004).

Invariant: vb-hv-period
Description: "Home visits span at most four weeks: the occurrence period has an end at most 28 days after its start (R-HV-1)."
Severity: #error
// The last term accepts an end on day 28 given with another precision than the start (comparison empty).
Expression: "occurrence.ofType(Period).end.hasValue() and ((occurrence.ofType(Period).end <= occurrence.ofType(Period).start + 28 days) or (occurrence.ofType(Period).end <= occurrence.ofType(Period).start + 28 days).empty())"

Profile: VbHomeVisitServiceRequest
Parent: ServiceRequest
Id: vb-home-visit-servicerequest
Title: "Vårdbrygga home visit order"
Description: "An order for a few home visits over one to four weeks for a clearly defined intervention, giving the ordering physician as requester with contact details (R-HV-1, R-HV-2, R-HV-3, R-HV-4, R-HV-5)."
* obeys vb-hv-period
* status MS
* intent = #order
* intent MS
* code 1..1 MS
* code ^short = "The intervention (for specialist-initiated visits only those of R-HV-3)"
* subject 1..1 MS
* subject only Reference(Patient)
* occurrence[x] 1..1 MS
* occurrence[x] only Period
* occurrencePeriod.start 1..1 MS
* occurrencePeriod.end 1..1 MS
* requester 1..1 MS
* requester only Reference(PractitionerRole)
* requester ^short = "The ordering physician (PractitionerRole with telecom)"
* performer 1..* MS
* performer only Reference(Organization)
* performer ^short = "The municipal home health care unit"
* authoredOn MS
* note MS

Profile: VbHomeVisitTask
Parent: Task
Id: vb-home-visit-task
Title: "Vårdbrygga home visit task"
Description: "The municipal unit's task to carry out a home-visit order (R-HV-2)."
* insert VbTaskCommon
* code = TaskCode#home-visit
* focus 1..1 MS
* focus only Reference(ServiceRequest)
* focus ^short = "The home visit order (vb-home-visit-servicerequest)"
* owner only Reference(Organization)
* owner ^short = "The municipal home health care unit"
* requester MS

Profile: VbHomeCareAssignmentTask
Parent: Task
Id: vb-home-care-assignment-task
Title: "Vårdbrygga home health care assignment"
Description: "The primary-care physician's assignment of a patient to municipal home health care; the municipality replies with the date of the first home visit (R-HC-2, R-INFO-2)."
* insert VbTaskCommon
* code = TaskCode#home-care-assignment
* requester 1..1 MS
* requester only Reference(PractitionerRole)
* requester ^short = "The responsible primary-care physician (R-HC-2)"
* owner only Reference(Organization)
* owner ^short = "The municipal home health care unit"
* focus 0..1 MS
* output MS
* output ^slicing.discriminator.type = #pattern
* output ^slicing.discriminator.path = "type"
* output ^slicing.rules = #open
* output contains firstVisitDate 0..1 MS
* output[firstVisitDate] ^short = "Date of the first home visit (the municipality's reply, R-INFO-2)"
* output[firstVisitDate].type = TaskParameterType#first-visit-date
* output[firstVisitDate].value[x] only date
