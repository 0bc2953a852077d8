// Valid examples: support notices (R-CMP-3, R-CMP-4), personal assistance during a hospital stay and the
// tasks the adapter creates because a rule demands it (R-DEL-1, R-PA-1).

Instance: vb-companion-need-careplan-example-support-only
InstanceOf: VbCompanionNeedCarePlan
Title: "Support need without companion"
Description: "No companion comes to Tolvan's planned outpatient visit, but the clinic must know that he needs help with meals (R-CMP-3)."
Usage: #example
* insert Narrative(Stödbehov utan medföljare vid besök på Diabetesmottagningen)
* extension[visitContext].valueCoding = VisitContext#support-only "Support need only"
* status = #active
* intent = #plan
* category[companionNeed] = CarePlanCategory#companion-need "Companion need"
* subject = Reference(vb-patient-example) "Tolvan Tolvansson"
* period.start = "2025-04-10"
* author = Reference(vb-organization-example-municipal-home-care) "Hemsjukvården Norr, Karlstads kommun"
* description = "Diabetiker, ber inte själv om mat; behöver erbjudas mat och dryck under besöket."

Instance: vb-support-notice-communication-example
InstanceOf: VbSupportNoticeCommunication
Title: "Support notice to a clinic"
Description: "Home health care tells the clinic in good time that Tolvan, who comes without a companion, needs specific help during the visit (R-CMP-3)."
Usage: #example
* insert Narrative(Stödbehov inför besök på Diabetesmottagningen: diabetiker\, ber inte själv om mat)
* status = #completed
* category[supportNotice] = CommunicationCategory#support-notice "Support notice"
* subject = Reference(vb-patient-example) "Tolvan Tolvansson"
* basedOn = Reference(vb-companion-need-careplan-example-support-only)
* sent = "2025-04-10T09:00:00+02:00"
* sender = Reference(vb-organization-example-municipal-home-care) "Hemsjukvården Norr, Karlstads kommun"
* recipient = Reference(vb-organization-example-outpatient-clinic) "Diabetesmottagningen, Centralsjukhuset Karlstad"
* payload.contentString = "Diabetiker, ber inte själv om mat. Erbjud mat och dryck om besöket drar ut på tiden."

Instance: vb-support-notice-communication-example-emergency
InstanceOf: VbSupportNoticeCommunication
Title: "One-way information to the emergency department"
Description: "Home health care informs the emergency department via Cosmic Link before Tolvan arrives with his personal assistant; the department cannot reply through it (R-CMP-4, R-COM-2)."
Usage: #example
* insert Narrative(Information till Akutmottagningen inför Tolvans ankomst med personlig assistent)
* extension[oneWay].valueBoolean = true
* status = #completed
* category[supportNotice] = CommunicationCategory#support-notice "Support notice"
* subject = Reference(vb-patient-example) "Tolvan Tolvansson"
* sent = "2025-05-06T18:40:00+02:00"
* sender = Reference(vb-organization-example-municipal-home-care) "Hemsjukvården Norr, Karlstads kommun"
* recipient = Reference(vb-organization-example-emergency-department) "Akutmottagningen, Centralsjukhuset Karlstad"
* payload.contentString = "Tolvan kommer till akuten med personlig assistent Anna Berg. Kommunicerar med bildstöd och blir orolig med okänd personal. Om han inte läggs in: ring Hemsjukvården Norr, +46 54 000 40 40."

Instance: vb-encounter-example-personal-assistance
InstanceOf: VbEncounter
Title: "Inpatient admission with personal assistance"
Description: "Nadia, who has personal assistance from an assistance provider, is admitted; special needs were noticed at admission and assistance compensation is granted for the stay, at most four weeks (R-PA-1, R-PA-2)."
Usage: #example
* insert Narrative(Inskrivning på Avdelning 21 Medicin 2025-04-02; personlig assistans från Trygga Händer Assistans AB)
* extension[personalAssistance].extension[executor].valueReference = Reference(vb-organization-example-assistance-provider) "Trygga Händer Assistans AB"
* extension[personalAssistance].extension[specialNeedsFlagged].valueBoolean = true
* extension[personalAssistance].extension[compensationGranted].valueBoolean = true
* status = #in-progress
* class = $v3-ActCode#IMP "inpatient encounter"
* subject = Reference(vb-patient-example-samordningsnummer) "Nadia Haddad"
* period.start = "2025-04-02T11:00:00+02:00"
* serviceProvider = Reference(vb-organization-example) "Avdelning 21 Medicin, Centralsjukhuset Karlstad"

Instance: vb-rule-follow-up-task-example
InstanceOf: VbRuleFollowUpTask
Title: "Delegation review after discharge"
Description: "Created at Tolvan's admission: after discharge the municipality decides on new delegations; the delegation that ended at admission is not restored silently (R-DEL-1)."
Usage: #example
* insert Narrative(Besluta om nya delegeringar efter utskrivning; tidigare delegeringar upphörde vid inskrivningen)
* status = #requested
* businessStatus = DeliveryStatus#delivered "Delivered"
* intent = #order
* code = TaskCode#delegation-review "Delegation review after discharge"
* focus = Reference(vb-encounter-example)
* for = Reference(vb-patient-example) "Tolvan Tolvansson"
* authoredOn = "2025-03-10T14:21:00+01:00"
* owner = Reference(vb-organization-example-municipal-home-care) "Hemsjukvården Norr, Karlstads kommun"
* reasonCode = Rule#R-DEL-1 "Delegations cease at admission"
* description = "Alla delegeringar upphörde vid inskrivningen 2025-03-10 och återställs inte automatiskt. Besluta om nya delegeringar efter utskrivning."
* input[0].type = TaskParameterType#ended-delegation "Ended delegation"
* input[0].valueReference = Reference(vb-delegation-task-example)

Instance: vb-rule-follow-up-task-example-assistance-limit
InstanceOf: VbRuleFollowUpTask
Title: "Four-week limit of assistance compensation"
Description: "Reminds the executor a week before the four-week limit of assistance compensation during Nadia's hospital stay passes (R-PA-1)."
Usage: #example
* insert Narrative(Påminnelse: fyraveckorsgränsen för assistansersättning under sjukhusvistelsen passeras 2025-04-30)
* status = #requested
* businessStatus = DeliveryStatus#delivered "Delivered"
* intent = #order
* code = TaskCode#assistance-limit-reminder "Four-week limit of assistance compensation"
* focus = Reference(vb-encounter-example-personal-assistance)
* for = Reference(vb-patient-example-samordningsnummer) "Nadia Haddad"
* identifier.system = "http://vardbrygga.example/fhir/sid/rule-task"
* identifier.value = "vb-encounter-example-personal-assistance/limit-approaching"
* authoredOn = "2025-04-23T06:00:00+02:00"
* owner = Reference(vb-organization-example-assistance-provider) "Trygga Händer Assistans AB"
* reasonCode = Rule#R-PA-1 "No assistance compensation in hospital"
* description = "Assistansersättning under sjukhusvistelse ges högst fyra veckor. Gränsen passeras 2025-04-30."
* restriction.period.end = "2025-04-30"
* input[0].type = TaskParameterType#limit-date "Limit date"
* input[0].valueDate = "2025-04-30"
