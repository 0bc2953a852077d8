// Disagreement on responsibility between the principals (Västerbotten guidance, 004).

Profile: VbEscalationTask
Parent: Task
Id: vb-escalation-task
Title: "Vårdbrygga escalation of a disagreement"
Description: "A disagreement on who is responsible, raised by one unit to the other principal's unit; its level (businessStatus) climbs 1 → 2 → 3 and never skips one; until it is settled the unit that noticed first stays responsible (R-ESC-1, R-HC-4)."
* status MS
* intent MS
* code 1..1 MS
* code = TaskCode#escalation
* for 1..1 MS
* for only Reference(Patient)
* businessStatus 1..1 MS
* businessStatus from EscalationLevelVS (required)
* businessStatus ^short = "The level (escalation-level) and who is involved at it (R-ESC-1)"
* requester 1..1 MS
* requester only Reference(Organization)
* requester ^short = "The unit that raises the disagreement"
* owner 1..1 MS
* owner only Reference(Organization)
* owner ^short = "The other principal's unit"
* description 1..1 MS
* description ^short = "What the disagreement is about"
* authoredOn MS
* input MS
* input ^slicing.discriminator.type = #pattern
* input ^slicing.discriminator.path = "type"
* input ^slicing.rules = #open
* input contains responsibleUntilAgreed 1..1 MS
* input[responsibleUntilAgreed] ^short = "The unit that noticed first, responsible meanwhile (R-HC-4)"
* input[responsibleUntilAgreed].type = TaskParameterType#responsible-until-agreed
* input[responsibleUntilAgreed].value[x] only Reference(Organization)

Instance: vb-escalation-task-example
InstanceOf: VbEscalationTask
Title: "Disagreement at level 1"
Description: "Home health care and the health centre disagree on who gives Tolvan's daily insulin; the staff share responsibility and plan a SIP, and the health centre, which noticed the need first, stays responsible meanwhile (R-ESC-1, R-HC-4). If they cannot agree, the unit managers take it up at level 2."
Usage: #example
* insert Narrative(Oenighet om ansvar för insulingivning; nivå 1: personalen\, SIP planeras)
* status = #in-progress
* intent = #order
* code = TaskCode#escalation "Escalation of a disagreement"
* for = Reference(vb-patient-example) "Tolvan Tolvansson"
* businessStatus = EscalationLevel#level-1 "Level 1: the staff"
* requester = Reference(vb-organization-example-municipal-home-care) "Hemsjukvården Norr, Karlstads kommun"
* owner = Reference(vb-organization-example-health-centre) "Hälsocentralen Solbacken"
* description = "Oenighet om vem som ansvarar för daglig insulingivning."
* authoredOn = "2025-03-20T09:00:00+01:00"
* input[responsibleUntilAgreed].type = TaskParameterType#responsible-until-agreed "Responsible until agreed"
* input[responsibleUntilAgreed].valueReference = Reference(vb-organization-example-health-centre) "Hälsocentralen Solbacken"
