// Valid examples: home visits, home health care assignment, SBAR handover, SIP and consent.

Instance: vb-home-visit-servicerequest-example
InstanceOf: VbHomeVisitServiceRequest
Title: "Home visit order"
Description: "The physician orders wound dressing at home three times a week for three weeks (R-HV-1, R-HV-3)."
Usage: #example
* insert Narrative(Hembesök för omläggning av bensår tre gånger i veckan 2025-03-17 -- 2025-04-06)
* status = #active
* intent = #order
* code = $sct#225358003 "Wound care"
* code.coding[1] = HomeVisitIntervention#wound-dressing "Wound dressing"
* code.text = "Omläggning av bensår"
* subject = Reference(vb-patient-example) "Tolvan Tolvansson"
* occurrencePeriod.start = "2025-03-17"
* occurrencePeriod.end = "2025-04-06"
* authoredOn = "2025-03-14T11:00:00+01:00"
* requester = Reference(vb-practitioner-role-example-physician) "Erik Nilsson, läkare"
* performer = Reference(vb-organization-example-municipal-home-care) "Hemsjukvården Norr, Karlstads kommun"
* note.text = "Tre besök per vecka. Frågor: Erik Nilsson, tel +46 54 000 42 10."

Instance: vb-home-visit-task-example
InstanceOf: VbHomeVisitTask
Title: "Home visit task"
Description: "The municipal unit's task to carry out the home-visit order (R-HV-2)."
Usage: #example
* insert Narrative(Uppdrag hembesök till Hemsjukvården Norr)
* status = #accepted
* businessStatus = DeliveryStatus#acknowledged "Acknowledged"
* intent = #order
* code = TaskCode#home-visit "Home visit"
* focus = Reference(vb-home-visit-servicerequest-example)
* for = Reference(vb-patient-example) "Tolvan Tolvansson"
* authoredOn = "2025-03-14T11:00:00+01:00"
* requester = Reference(vb-practitioner-role-example-physician) "Erik Nilsson, läkare"
* owner = Reference(vb-organization-example-municipal-home-care) "Hemsjukvården Norr, Karlstads kommun"

Instance: vb-home-care-assignment-task-example
InstanceOf: VbHomeCareAssignmentTask
Title: "Home health care assignment with reply"
Description: "The primary-care physician enrols the patient in home health care; the municipality replies with the first visit date (R-HC-2, R-INFO-2)."
Usage: #example
* insert Narrative(Uppdrag hemsjukvård; första hembesök 2025-03-20)
* status = #accepted
* businessStatus = DeliveryStatus#acknowledged "Acknowledged"
* intent = #order
* code = TaskCode#home-care-assignment "Home health care assignment"
* for = Reference(vb-patient-example) "Tolvan Tolvansson"
* authoredOn = "2025-03-17T10:15:00+01:00"
* requester = Reference(vb-practitioner-role-example-physician) "Erik Nilsson, läkare"
* owner = Reference(vb-organization-example-municipal-home-care) "Hemsjukvården Norr, Karlstads kommun"
* input[0].type = TaskParameterType#met-need "Need the municipality meets"
* input[0].valueString = "Omläggning av bensår"
* output[firstVisitDate].type = TaskParameterType#first-visit-date "First home visit date"
* output[firstVisitDate].valueDate = "2025-03-20"

Instance: vb-sbar-communication-example
InstanceOf: VbSbarCommunication
Title: "SBAR handover for a home visit"
Description: "The hospital's SBAR message about single home visits after the inpatient stay (R-INFO-3)."
Usage: #example
* insert Narrative(SBAR-överrapportering inför hembesök efter utskrivning)
* status = #completed
* category[sbar] = CommunicationCategory#sbar-handover "SBAR handover"
* subject = Reference(vb-patient-example) "Tolvan Tolvansson"
* basedOn = Reference(vb-home-visit-servicerequest-example)
* sent = "2025-03-14T11:20:00+01:00"
* sender = Reference(vb-organization-example) "Avdelning 21 Medicin, Centralsjukhuset Karlstad"
* recipient = Reference(vb-organization-example-municipal-home-care) "Hemsjukvården Norr, Karlstads kommun"
* payload[0].extension[section].valueCoding = SbarSection#S "Situation"
* payload[0].contentString = "Utskrivningsklar 2025-03-14 efter vård för erysipelas; bensår vänster underben."
* payload[1].extension[section].valueCoding = SbarSection#B "Background"
* payload[1].contentString = "Diabetes typ 2. Bor ensam med hemtjänst två gånger dagligen."
* payload[2].extension[section].valueCoding = SbarSection#A "Assessment"
* payload[2].contentString = "Såret läker; behöver omläggning tre gånger i veckan i tre veckor."
* payload[3].extension[section].valueCoding = SbarSection#R "Recommendation"
* payload[3].contentString = "Hembesök för omläggning enligt ordination; kontakta Erik Nilsson vid försämring."

Instance: vb-sip-careplan-example
InstanceOf: VbSipCarePlan
Title: "SIP"
Description: "A coordinated individual plan with one activity per responsible unit (R-HC-4, R-GV-3)."
Usage: #example
* insert Narrative(SIP för Tolvan Tolvansson)
* status = #active
* intent = #plan
* category[sip] = CarePlanCategory#sip "Coordinated individual plan (SIP)"
* subject = Reference(vb-patient-example) "Tolvan Tolvansson"
* period.start = "2025-03-18"
* author = Reference(vb-organization-example-health-centre) "Hälsocentralen Solbacken"
* activity[0].detail.status = #scheduled
* activity[0].detail.description = "Läkarbesök och läkemedelsgenomgång var tredje månad"
* activity[0].detail.performer = Reference(vb-organization-example-health-centre) "Hälsocentralen Solbacken"
* activity[1].detail.status = #in-progress
* activity[1].detail.description = "Omläggning av bensår och tillsyn av hudstatus"
* activity[1].detail.performer = Reference(vb-organization-example-municipal-home-care) "Hemsjukvården Norr, Karlstads kommun"

Instance: vb-sip-invitation-task-example
InstanceOf: VbSipInvitationTask
Title: "SIP invitation"
Description: "The named care contact invites to a SIP before the discharge-ready date (R-INFO-1)."
Usage: #example
* insert Narrative(Kallelse till SIP senast 2025-03-14)
* status = #requested
* intent = #order
* code = TaskCode#sip-invitation "SIP invitation"
* focus = Reference(vb-sip-careplan-example)
* for = Reference(vb-patient-example) "Tolvan Tolvansson"
* authoredOn = "2025-03-12T13:00:00+01:00"
* requester = Reference(vb-practitioner-role-example-physician) "Erik Nilsson, läkare"
* owner = Reference(vb-organization-example-municipal-home-care) "Hemsjukvården Norr, Karlstads kommun"
* restriction.period.end = "2025-03-14"
* input[0].type = TaskParameterType#discharge-ready-date "Discharge-ready date"
* input[0].valueDate = "2025-03-14"

Instance: vb-information-sharing-consent-example
InstanceOf: VbInformationSharingConsent
Title: "Consent to information sharing"
Description: "Tolvan consents to information transfer between the health centre and municipal home health care for treatment, for one year (R-CON-1)."
Usage: #example
* insert Narrative(Samtycke till informationsöverföring mellan Hälsocentralen Solbacken och Hemsjukvården Norr)
* status = #active
* scope = $consentscope#patient-privacy "Privacy Consent"
* category = $v3-ActCode#IDSCL "information disclosure"
* patient = Reference(vb-patient-example) "Tolvan Tolvansson"
* dateTime = "2025-03-12T10:00:00+01:00"
* performer = Reference(vb-patient-example) "Tolvan Tolvansson"
* policy.uri = "http://vardbrygga.example/fhir/policy/information-sharing"
* provision.type = #permit
* provision.period.start = "2025-03-12"
* provision.period.end = "2026-03-11"
* provision.actor[0].role = $v3-ParticipationType#IRCP "information recipient"
* provision.actor[0].reference = Reference(vb-organization-example-municipal-home-care) "Hemsjukvården Norr, Karlstads kommun"
* provision.actor[1].role = $v3-ParticipationType#IRCP "information recipient"
* provision.actor[1].reference = Reference(vb-organization-example-health-centre) "Hälsocentralen Solbacken"
* provision.purpose = $v3-ActReason#TREAT "treatment"
