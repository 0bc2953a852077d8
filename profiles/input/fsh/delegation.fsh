// Delegation of a health-care task during an inpatient stay (SOSFS 1997:14 and the regional guideline).

Invariant: vb-del-period-end
Description: "A delegation has an end date (a value, not only a data-absent-reason): it is time-limited (R-DEL-4)."
Severity: #error
Expression: "restriction.period.end.hasValue()"

Invariant: vb-del-max-year
Description: "A delegation is valid at most one year: restriction.period.end is at most one year after restriction.period.start (R-DEL-4)."
Severity: #error
// The last term accepts an end on the anniversary day given with another precision than the start
// (e.g. start 2025-03-11T08:00:00+01:00, end 2026-03-11), where FHIRPath's comparison is empty.
Expression: "restriction.period.start.hasValue().not() or restriction.period.end.hasValue().not() or (restriction.period.end <= restriction.period.start + 1 year) or (restriction.period.end <= restriction.period.start + 1 year).empty()"

Profile: VbDelegationTask
Parent: Task
Id: vb-delegation-task
Title: "Vårdbrygga delegation"
Description: "A personal, written, time-limited delegation of a health-care task from a licensed professional to a named person, valid at most one year and ended when an inpatient stay starts (R-DEL-1, R-DEL-2, R-DEL-3, R-DEL-4)."
* obeys vb-del-period-end and vb-del-max-year
* insert VbTaskCommon
* code = TaskCode#delegation
* statusReason ^short = "Why the delegation ended (e.g. rule R-DEL-1 at admission)"
* owner only Reference(Practitioner or PractitionerRole or RelatedPerson)
* owner ^short = "The delegate"
* requester 1..1 MS
* requester only Reference(PractitionerRole or Practitioner)
* requester ^short = "The licensed professional who delegates"
* authoredOn 1..1 MS
* authoredOn ^short = "Date of the delegation decision"
* restriction 1..1 MS
* restriction.period 1..1 MS
* restriction.period.start 1..1 MS
* restriction.period.end 1..1 MS
* input 1..* MS
* input ^slicing.discriminator.type = #pattern
* input ^slicing.discriminator.path = "type"
* input ^slicing.rules = #open
* input contains delegatedTask 1..* MS
* input[delegatedTask] ^short = "The delegated health-care task"
* input[delegatedTask].type = TaskParameterType#delegated-task
* input[delegatedTask].value[x] only string or CodeableConcept
