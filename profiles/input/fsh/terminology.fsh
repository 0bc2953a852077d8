// The project's own code systems (ARCHITECTURE.md, "The public contract") and, for each, a value set
// with the same id that contains all of its codes. url = http://vardbrygga.example/fhir/CodeSystem/<id>
// and http://vardbrygga.example/fhir/ValueSet/<id>. The rule code system is in rule-codesystem.fsh.

RuleSet: VbCodeSystem
* ^caseSensitive = true
* ^content = #complete
* ^experimental = false

RuleSet: VbValueSet
* ^experimental = false

// ---------------------------------------------------------------------------------------------
CodeSystem: TaskCode
Id: task-code
Title: "Vårdbrygga task codes"
Description: "What a Vårdbrygga Task asks for (Task.code)."
* insert VbCodeSystem
* #companion-request "Companion request" "Request to an executor (municipality, assistance company or private provider) to provide a companion for a patient's visit or inpatient stay (R-CMP-1, R-CMP-5, R-CMP-7)."
* #delegation "Delegation" "Individual, written, time-limited delegation of a health-care task by a licensed professional to a named person (R-DEL-2, R-DEL-4)."
* #home-care-assignment "Home health care assignment" "Assignment from the responsible primary-care physician to municipal home health care to enrol the patient (R-HC-2, R-INFO-2)."
* #home-visit "Home visit" "Request to municipal home health care to make a few home visits over 1-4 weeks for a defined intervention (R-HV-1, R-HV-2, R-HV-3)."
* #sip-invitation "SIP invitation" "Invitation to draw up a coordinated individual plan (SIP), sent at the latest on the discharge-ready date (R-HC-4, R-INFO-1)."
* #service-purchase-request "Service purchase request" "Written request to buy the other principal's staff for a patient, stating within what time the assignment must be done (R-TK-1, R-CMP-5)."
* #phone-call "Phone call" "A telephone call staff must make, e.g. in the outage routine (R-OUT-1) or because the emergency department cannot reply (R-COM-2)."
* #escalation "Escalation of a disagreement" "A disagreement between the principals on responsibility, climbing levels 1 to 3 without skipping one (R-ESC-1)."
* #device-follow-up "Assistive-device follow-up" "The prescriber's assessment of an assistive device (ratings A and B) and its decision: close, prescriber decides, or recurring follow-up (R-AD-1)."
* #follow-up-handover "Follow-up handover" "Hand-over of a follow-up (e.g. of an assistive device) to the care provider that takes over responsibility (R-AD-1)."
* #delegation-review "Delegation review after discharge" "The municipality decides on new delegations after discharge; nothing is restored silently after the delegations ended at admission (R-DEL-1)."
* #assistance-limit-reminder "Four-week limit of assistance compensation" "Reminder to the executor before and when the four-week limit of assistance compensation during a hospital stay passes (R-PA-1)."
* #assistance-compensation-application "Apply for assistance compensation" "The executor, together with the patient, applies to Försäkringskassan for assistance compensation when special needs noticed at admission are not granted (R-PA-2, R-PA-3)."
* #deviation-direct-contact "Direct contact about a serious deviation" "A serious deviation during a service purchase: the chief physician / MAS is contacted directly (R-TK-5)."

ValueSet: TaskCodeVS
Id: task-code
Title: "Vårdbrygga task codes"
Description: "All codes of the task-code code system."
* insert VbValueSet
* include codes from system TaskCode

ValueSet: RuleFollowUpTaskCodeVS
Id: rule-follow-up-task-code
Title: "Vårdbrygga rule follow-up task codes"
Description: "The task codes of the tasks the adapter itself creates because a rule demands it (R-DEL-1, R-PA-1, R-PA-2, R-TK-5, R-OUT-1)."
* insert VbValueSet
* TaskCode#delegation-review "Delegation review after discharge"
* TaskCode#assistance-limit-reminder "Four-week limit of assistance compensation"
* TaskCode#assistance-compensation-application "Apply for assistance compensation"
* TaskCode#deviation-direct-contact "Direct contact about a serious deviation"
* TaskCode#phone-call "Phone call"

// ---------------------------------------------------------------------------------------------
CodeSystem: CarePlanCategory
Id: careplan-category
Title: "Vårdbrygga care plan categories"
Description: "Kinds of Vårdbrygga CarePlan (CarePlan.category)."
* insert VbCodeSystem
* #companion-need "Companion need" "The patient needs a companion who knows them at a visit or during an inpatient stay (R-CMP-1 to R-CMP-7)."
* #sip "Coordinated individual plan (SIP)" "Joint plan of region and municipality stating who does what (R-HC-4, R-GV-3)."

ValueSet: CarePlanCategoryVS
Id: careplan-category
Title: "Vårdbrygga care plan categories"
Description: "All codes of the careplan-category code system."
* insert VbValueSet
* include codes from system CarePlanCategory

// ---------------------------------------------------------------------------------------------
CodeSystem: HomeVisitIntervention
Id: home-visit-intervention
Title: "Vårdbrygga home-visit interventions"
Description: "What a home-visit order asks the municipal unit to do. Specialised care may order home visits only for the first seven (R-HV-3); primary care and 1177 may order any (R-HV-2)."
* insert VbCodeSystem
* #eye-drops "Eye drops" "Administering eye drops (R-HV-3)."
* #ear-drops "Ear drops" "Administering ear drops (R-HV-3)."
* #subcutaneous-injection "Subcutaneous injection" "A subcutaneous injection (R-HV-3)."
* #intramuscular-injection "Intramuscular injection" "An intramuscular injection (R-HV-3)."
* #wound-dressing "Wound dressing" "Dressing a wound (R-HV-3)."
* #suture-removal "Suture removal" "Removing sutures (R-HV-3)."
* #sampling "Sampling" "Taking samples (R-HV-3)."
* #other "Other intervention" "Another intervention: only primary care or 1177 may order it as a home visit (R-HV-2, R-HV-3)."

ValueSet: HomeVisitInterventionVS
Id: home-visit-intervention
Title: "Vårdbrygga home-visit interventions"
Description: "All codes of the home-visit-intervention code system."
* insert VbValueSet
* include codes from system HomeVisitIntervention

// ---------------------------------------------------------------------------------------------
CodeSystem: VisitContext
Id: visit-context
Title: "Vårdbrygga visit contexts"
Description: "The kind of care contact a companion need concerns (R-CMP-2 to R-CMP-5)."
* insert VbCodeSystem
* #planned-outpatient "Planned outpatient visit" "A planned visit to an outpatient clinic (R-CMP-2)."
* #dental "Dental visit" "A planned visit to dental care (R-CMP-2)."
* #emergency "Emergency care" "A visit to an emergency department (R-CMP-4)."
* #inpatient "Inpatient stay" "An inpatient stay at a hospital ward (R-CMP-5, R-CMP-6, R-CMP-7)."
* #support-only "Support need only" "No companion, but the clinic must be told that the patient needs specific help during the visit (R-CMP-3)."

ValueSet: VisitContextVS
Id: visit-context
Title: "Vårdbrygga visit contexts"
Description: "All codes of the visit-context code system."
* insert VbValueSet
* include codes from system VisitContext

// ---------------------------------------------------------------------------------------------
CodeSystem: SbarSection
Id: sbar-section
Title: "SBAR sections"
Description: "The four sections of an SBAR handover (R-INFO-3, R-OUT-1)."
* insert VbCodeSystem
* #S "Situation" "What is happening now: the reason for the handover."
* #B "Background" "Relevant history, diagnoses, treatment and current care."
* #A "Assessment" "The sender's assessment of the patient's condition."
* #R "Recommendation" "What the sender recommends or asks the receiver to do."

ValueSet: SbarSectionVS
Id: sbar-section
Title: "SBAR sections"
Description: "All codes of the sbar-section code system."
* insert VbValueSet
* include codes from system SbarSection

// ---------------------------------------------------------------------------------------------
CodeSystem: CommunicationCategory
Id: communication-category
Title: "Vårdbrygga communication categories"
Description: "Kinds of Vårdbrygga Communication (Communication.category)."
* insert VbCodeSystem
* #sbar-handover "SBAR handover" "Structured handover in the four SBAR sections (R-INFO-3, R-OUT-1, R-CMP-7)."
* #support-notice "Support notice" "Notice to a clinic that the patient needs specific help during a visit although no companion comes (R-CMP-3)."
* #reply "Reply" "Answer or acknowledgement of a received message or assignment (R-INFO-2, R-INFO-3)."
* #deviation-report "Deviation report" "A care injury or risk noticed during a service purchase, reported in writing to the responsible care provider (R-TK-5)."
* #cannot-fulfil "Cannot fulfil" "The executor's notice to the ward that it cannot fulfil a service purchase, sent at once (R-TK-3)."

ValueSet: CommunicationCategoryVS
Id: communication-category
Title: "Vårdbrygga communication categories"
Description: "All codes of the communication-category code system."
* insert VbValueSet
* include codes from system CommunicationCategory

// ---------------------------------------------------------------------------------------------
CodeSystem: OrganizationType
Id: organization-type
Title: "Vårdbrygga organization types"
Description: "Kinds of care units taking part in region-municipality coordination (Organization.type)."
* insert VbCodeSystem
* #region-ward "Region ward" "An inpatient ward of a regional hospital."
* #emergency-department "Emergency department" "A regional emergency department."
* #outpatient-clinic "Outpatient clinic" "A regional outpatient clinic (mottagning)."
* #dental-clinic "Dental clinic" "A dental care clinic."
* #health-centre "Health centre" "A primary-care health centre (hälsocentral, sjukstuga)."
* #specialist-clinic "Specialist clinic" "A clinic of specialised care that may initiate home visits (R-HV-3)."
* #municipal-home-care "Municipal home health care" "A municipal home health care unit (hälso- och sjukvård i hemmet) (R-HC-1)."
* #assistance-provider "Assistance provider" "A personal-assistance company or other private executor of LSS/SoL support."
* #region-primary-care "Region primary care" "A regional primary-care organisation above the individual health centres."

ValueSet: OrganizationTypeVS
Id: organization-type
Title: "Vårdbrygga organization types"
Description: "All codes of the organization-type code system."
* insert VbValueSet
* include codes from system OrganizationType

// ---------------------------------------------------------------------------------------------
CodeSystem: EndpointType
Id: endpoint-type
Title: "Vårdbrygga endpoint types"
Description: "The downstream systems and fallback channels Vårdbrygga routes to (Endpoint.connectionType)."
* insert VbCodeSystem
* #cosmic-link "Cosmic Link" "Messaging between municipality and region inside the Cosmic EHR (R-COM-2, R-COM-3)."
* #cosmic-messenger "Cosmic Messenger" "Secure chat between connected regional clinics and municipal licensed staff (R-COM-1)."
* #cosmic-journal "Cosmic journal" "The region's EHR, e.g. for the note Uppdrag hemsjukvård (R-INFO-2, R-TK-6)."
* #lifecare-sp "Lifecare SP" "The shared region-municipality system for discharge coordination and SIP (R-INFO-1 to R-INFO-3)."
* #npo "NPÖ" "Nationell patientöversikt, the national read-only patient overview (R-INFO-2, R-HV-4)."
* #smime-email "S/MIME e-mail" "Encrypted e-mail of the SBAR form in the outage routine (R-OUT-1)."
* #phone "Telephone" "Telephone number of the unit (R-INFO-4, R-OUT-1)."

ValueSet: EndpointTypeVS
Id: endpoint-type
Title: "Vårdbrygga endpoint types"
Description: "All codes of the endpoint-type code system."
* insert VbValueSet
* include codes from system EndpointType

// ---------------------------------------------------------------------------------------------
CodeSystem: DeliveryStatus
Id: delivery-status
Title: "Vårdbrygga delivery status"
Description: "How far the delivery of a resource to its target system has come (Task.businessStatus)."
* insert VbCodeSystem
* #queued "Queued" "Committed and waiting in the outbox for delivery."
* #delivered "Delivered" "Accepted by the target system."
* #acknowledged "Acknowledged" "The receiving unit has acknowledged it."
* #fallback-sent "Fallback sent" "The target system was down past its deadline; the outage routine was used instead (R-OUT-1)."
* #failed "Failed" "Delivery failed and needs manual handling."

ValueSet: DeliveryStatusVS
Id: delivery-status
Title: "Vårdbrygga delivery status"
Description: "All codes of the delivery-status code system."
* insert VbValueSet
* include codes from system DeliveryStatus

// ---------------------------------------------------------------------------------------------
// Not in ARCHITECTURE.md's list: types of Task.input / Task.output (Task.input.type and
// Task.output.type are 1..1 in FHIR, so the profiles' input/output slices need a code).
CodeSystem: TaskParameterType
Id: task-parameter-type
Title: "Vårdbrygga task input and output types"
Description: "What a Task.input or Task.output of a Vårdbrygga Task carries (Task.input.type, Task.output.type)."
* insert VbCodeSystem
* #delegated-task "Delegated task" "The health-care task a delegation covers (R-DEL-2, R-DEL-4)."
* #purchased-task "Purchased task" "A task the hired staff take on in a service purchase (R-TK-1, R-TK-3)."
* #first-visit-date "First home visit date" "The date of the first home visit, in the municipality's reply to an assignment (R-INFO-2)."
* #discharge-ready-date "Discharge-ready date" "The date the patient is ready for discharge; a SIP invitation is sent at the latest then (R-INFO-1)."
* #responsible-until-agreed "Responsible until agreed" "The unit that noticed the need first, responsible until the disagreement is settled (R-ESC-1, R-HC-4)."
* #device "Assistive device" "The assistive device a follow-up concerns (R-AD-1)."
* #region "Region" "The region whose agreement governs a service purchase (region code system) (R-TK-4)."
* #follow-up-decision "Follow-up decision" "What the ratings decide: close, prescriber decides, or recurring follow-up (R-AD-1)."
* #at-discharge "At discharge" "The follow-up is handed over at discharge, when prescription responsibility passes to the municipality (R-AD-1)."
* #met-need "Need the municipality meets" "A need of the enrolled patient that municipal home health care meets, shown in the region's record (R-HC-2, R-INFO-2)."
* #ended-delegation "Ended delegation" "A delegation that ended at admission (R-DEL-1)."
* #limit-date "Limit date" "The date the four-week limit of assistance compensation during a hospital stay passes (R-PA-1)."
* #signed-by "Signed by" "Who signed the written service-purchase request (R-TK-1)."
* #sign-afterwards "Signed afterwards (exception)" "The request is an exception signed afterwards so as not to delay care (R-TK-1)."
* #receiver-phone "Receiver's telephone" "The telephone number of the receiving unit that the sending unit calls in the outage routine (R-OUT-1, R-INFO-4)."

ValueSet: TaskParameterTypeVS
Id: task-parameter-type
Title: "Vårdbrygga task input and output types"
Description: "All codes of the task-parameter-type code system."
* insert VbValueSet
* include codes from system TaskParameterType

// ---------------------------------------------------------------------------------------------
CodeSystem: LicensedProfession
Id: licensed-profession
Title: "Vårdbrygga licensed professions"
Description: "The licensed (legitimerade) health-care professions whose members may delegate health-care tasks (PractitionerRole.code, R-DEL-4)."
* insert VbCodeSystem
* #physician "Physician" "A licensed (legitimerad) physician (läkare) who may delegate health-care tasks (R-DEL-4)."
* #nurse "Nurse" "A licensed (legitimerad) nurse (sjuksköterska) who may delegate health-care tasks (R-DEL-4)."
* #midwife "Midwife" "A licensed (legitimerad) midwife (barnmorska) who may delegate health-care tasks (R-DEL-4)."
* #physiotherapist "Physiotherapist" "A licensed (legitimerad) physiotherapist (fysioterapeut) who may delegate health-care tasks (R-DEL-4)."
* #occupational-therapist "Occupational therapist" "A licensed (legitimerad) occupational therapist (arbetsterapeut) who may delegate health-care tasks (R-DEL-4)."
* #dietitian "Dietitian" "A licensed (legitimerad) dietitian (dietist) who may delegate health-care tasks (R-DEL-4)."
* #speech-therapist "Speech therapist" "A licensed (legitimerad) speech therapist (logoped) who may delegate health-care tasks (R-DEL-4)."

ValueSet: LicensedProfessionVS
Id: licensed-profession
Title: "Vårdbrygga licensed professions"
Description: "All codes of the licensed-profession code system."
* insert VbValueSet
* include codes from system LicensedProfession

// ---------------------------------------------------------------------------------------------
// Not a project code system: the encounter classes Vårdbrygga reacts to (R-DEL-1, R-PA-1, R-TK-3).
ValueSet: EncounterClassVS
Id: encounter-class
Title: "Vårdbrygga encounter classes"
Description: "Inpatient, emergency and ambulatory encounters (v3 ActCode) - the admissions and discharges that revoke delegations and end service purchases (R-DEL-1, R-PA-1, R-TK-3)."
* insert VbValueSet
* $v3-ActCode#IMP "inpatient encounter"
* $v3-ActCode#EMER "emergency"
* $v3-ActCode#AMB "ambulatory"

// ---------------------------------------------------------------------------------------------
CodeSystem: IntakeKind
Id: intake-kind
Title: "Vårdbrygga intake kinds"
Description: "The kinds of plain JSON intake (POST /intake/{kind}); recorded as Provenance.activity of what an intake created."
* insert VbCodeSystem
* #companion-need "Companion need" "A companion need, companion request or support notice (R-CMP-1 to R-CMP-7, R-COM-2)."
* #delegation "Delegation" "A delegation of a health-care task (R-DEL-1, R-DEL-2, R-DEL-4)."
* #admission "Admission or discharge" "An admission to or discharge from care (R-DEL-1, R-PA-1, R-PA-2)."
* #home-visit "Home-visit order" "An order of a few home visits to municipal home health care (R-HV-1 to R-HV-4, R-HC-1)."
* #sbar-handover "SBAR handover" "A handover in the four SBAR sections, optionally with the single home visit it orders (R-INFO-3)."
* #home-care-assignment "Home health care assignment" "The health centre's enrolment of a patient in municipal home health care (R-HC-2, R-INFO-2)."
* #sip-invitation "SIP invitation" "An invitation to a coordinated individual plan before discharge, with the mapping (R-HC-4, R-INFO-1)."
* #escalation "Escalation" "A disagreement on responsibility at its current level (R-ESC-1, R-HC-4)."
* #consent "Consent" "The patient's consent to information sharing, or a declined home health care (R-CON-1, R-CON-2)."
* #device-follow-up "Assistive-device follow-up" "The prescriber's ratings of an assistive device and what they decide (R-AD-1)."
* #service-purchase "Service purchase request" "A ward's written request to buy the executor's staff for a patient (R-TK-1, R-TK-3, R-DEL-3, R-CMP-7)."
* #service-purchase-agreement "Service purchase agreement" "The agreement between purchaser and executor with its signatures (R-TK-3, R-CMP-5)."
* #reported-hours "Reported hours" "The hours the executor's staff worked under an agreement, priced by the region's rule set (R-TK-4)."

ValueSet: IntakeKindVS
Id: intake-kind
Title: "Vårdbrygga intake kinds"
Description: "All codes of the intake-kind code system."
* insert VbValueSet
* include codes from system IntakeKind

// ---------------------------------------------------------------------------------------------
CodeSystem: EscalationLevel
Id: escalation-level
Title: "Vårdbrygga escalation levels"
Description: "The levels a disagreement on responsibility climbs, one at a time, and who is involved at each (R-ESC-1)."
* insert VbCodeSystem
* #level-1 "Level 1: the staff" "The staff of both principals share responsibility and do a SIP; meanwhile responsibility stays with whoever noticed first (R-ESC-1, R-HC-4)."
* #level-2 "Level 2: the unit managers" "The unit managers of home health care and of the health centre, and of the specialist clinic where relevant (R-ESC-1)."
* #level-3 "Level 3: MAS and MLA" "The unit managers decide together with the municipality's MAS and the health centre's MLA, and the specialist clinic's medical lead where relevant (R-ESC-1)."

ValueSet: EscalationLevelVS
Id: escalation-level
Title: "Vårdbrygga escalation levels"
Description: "All codes of the escalation-level code system."
* insert VbValueSet
* include codes from system EscalationLevel

// ---------------------------------------------------------------------------------------------
CodeSystem: ExtensiveCare
Id: extensive-care
Title: "Vårdbrygga extensive care (Gävleborg target group)"
Description: "The extensive care that puts a patient in the Gävleborg target group, carried as Encounter.reasonCode: before discharge a SIP, a risk analysis and the checklist are recorded (R-GV-1, R-GV-3)."
* insert VbCodeSystem
* #respirator "Respirator" "Home respirator care (R-GV-1)."
* #tracheostomy "Tracheostomy" "Tracheostomy care (R-GV-1)."
* #peritoneal-dialysis "Peritoneal dialysis" "Peritoneal dialysis at home (R-GV-1)."

ValueSet: ExtensiveCareVS
Id: extensive-care
Title: "Vårdbrygga extensive care (Gävleborg target group)"
Description: "All codes of the extensive-care code system."
* insert VbValueSet
* include codes from system ExtensiveCare

// ---------------------------------------------------------------------------------------------
CodeSystem: DocumentKind
Id: document-kind
Title: "Vårdbrygga document kinds"
Description: "Documents a rule asks for, recorded as DocumentReference.type (R-GV-3)."
* insert VbCodeSystem
* #risk-analysis "Risk analysis" "The risk analysis (SKL template) done with all care providers before discharge (R-GV-3)."
* #discharge-checklist "Discharge checklist" "The checklist of annex 1 followed before discharge (R-GV-3)."

ValueSet: DocumentKindVS
Id: document-kind
Title: "Vårdbrygga document kinds"
Description: "All codes of the document-kind code system."
* insert VbValueSet
* include codes from system DocumentKind

// ---------------------------------------------------------------------------------------------
CodeSystem: FollowUpDecision
Id: follow-up-decision
Title: "Vårdbrygga assistive-device follow-up decisions"
Description: "What the ratings A (function/benefit) and B (risk) of an assistive device decide (R-AD-1)."
* insert VbCodeSystem
* #close "Close" "Both ratings are 1: close the case, nothing to report (R-AD-1)."
* #prescriber-decides "Prescriber decides" "A or B is 2: the prescriber decides whether follow-up is needed (R-AD-1)."
* #recurring-follow-up "Recurring follow-up" "A or B is 3, or the patient cannot take responsibility to get in touch: recurring follow-ups are planned (R-AD-1)."

ValueSet: FollowUpDecisionVS
Id: follow-up-decision
Title: "Vårdbrygga assistive-device follow-up decisions"
Description: "All codes of the follow-up-decision code system."
* insert VbValueSet
* include codes from system FollowUpDecision

// ---------------------------------------------------------------------------------------------
CodeSystem: Region
Id: region
Title: "Vårdbrygga regions"
Description: "The regions whose agreements Vårdbrygga carries; each has a service-purchase rule set (R-TK-4)."
* insert VbCodeSystem
* #varmland "Region Värmland" "Agreement 000."
* #vastmanland "Region Västmanland" "Agreement 001."
* #jamtland-harjedalen "Region Jämtland Härjedalen" "Agreement 002."
* #gavleborg "Region Gävleborg" "Agreement 003."
* #vasterbotten "Region Västerbotten" "Agreement 004."

ValueSet: RegionVS
Id: region
Title: "Vårdbrygga regions"
Description: "All codes of the region code system."
* insert VbValueSet
* include codes from system Region

// ---------------------------------------------------------------------------------------------
CodeSystem: PurchasedTaskKind
Id: purchased-task-kind
Title: "Vårdbrygga purchased task kinds"
Description: "What hired staff take on in a service purchase; medication handling and wound care are HSL tasks that a Västmanland staff purchase does not include (R-DEL-3, R-TK-3)."
* insert VbCodeSystem
* #supervision "Supervision" "Being with the patient, supervision (tillsyn)."
* #personal-care "Personal care" "Help with personal care and daily activities."
* #communication-support "Communication support" "Support for a patient with communication difficulties."
* #medication-handling "Medication handling" "An HSL task: only delegated, and not in a Västmanland staff purchase (R-DEL-3)."
* #wound-care "Wound care" "An HSL task: only delegated, and not in a Västmanland staff purchase (R-DEL-3)."

ValueSet: PurchasedTaskKindVS
Id: purchased-task-kind
Title: "Vårdbrygga purchased task kinds"
Description: "All codes of the purchased-task-kind code system."
* insert VbValueSet
* include codes from system PurchasedTaskKind

// ---------------------------------------------------------------------------------------------
CodeSystem: ServicePurchase
Id: service-purchase
Title: "Vårdbrygga service purchase codes"
Description: "The terms, party roles, reported hours and invoice types of a service purchase (Contract.term.type and subType, Contract.term.offer.party.role, ChargeItem.code, Invoice.type) (R-TK-2, R-TK-3, R-TK-4, R-PA-4)."
* insert VbCodeSystem
* #days-and-times "Days and times" "Contract.term.type of the term giving the days and times the staff work (R-TK-3)."
* #part-of-day "Part of the day" "Contract.term.subType of the days-and-times term: the staff work part of the day (R-TK-3)."
* #whole-day "Whole days" "Contract.term.subType of the days-and-times term: the staff work whole days (R-TK-3)."
* #purchased-task "Purchased task" "Contract.term.type of a term naming a task the staff take on; its subType is a purchased-task-kind code (R-TK-3)."
* #purchaser "Purchaser" "Contract.term.offer.party.role of the purchasing unit, which holds care-provider responsibility (R-TK-2, R-TK-3)."
* #executor "Executor" "Contract.term.offer.party.role of the executor lending its staff, which holds employer responsibility (R-TK-2, R-TK-3)."
* #reported-hours "Reported hours" "ChargeItem.code: hours the executor's staff worked under a service-purchase agreement, priced by the region's rule set (R-TK-4)."
* #invoice "Service purchase invoice" "Invoice.type: the executor's invoice of reported hours under the region's rule set (R-TK-4)."
* #repayment "Repayment of an invoiced service purchase" "Invoice.type: the region is repaid when assistance compensation is granted after a finished service purchase (R-PA-4)."

ValueSet: ServicePurchaseVS
Id: service-purchase
Title: "Vårdbrygga service purchase codes"
Description: "All codes of the service-purchase code system."
* insert VbValueSet
* include codes from system ServicePurchase
