// The rule ids of the domain rules (RULES.md). Used in OperationOutcome.issue.details.coding,
// Task.statusReason and Provenance.reason (ARCHITECTURE.md, "The public contract").
// Keep in step with RULES.md: one code per rule id, same spelling.

CodeSystem: Rule
Id: rule
Title: "Vårdbrygga domain rules"
Description: "The rules of the regional agreements on care coordination between Swedish regions and municipalities, by rule id (RULES.md)."
* insert VbCodeSystem
// Companion needs
* #R-CMP-1 "Companion need decided by the executor" "Anyone can flag a companion need; the executor decides case by case whether a companion is needed when next of kin cannot come."
* #R-CMP-2 "Planned dental and outpatient visits" "For people with municipal or other executor support the municipality can organise a companion; people without such support organise the visit themselves."
* #R-CMP-3 "Support need without companion" "When no companion comes but the patient needs specific help, the clinic shall be told in good time."
* #R-CMP-4 "Emergency care companion" "At emergency care a companion should, if the person needs support, stay until admission or the end of the visit."
* #R-CMP-5 "Inpatient companion by service purchase" "The region may buy a companion from the executor during an inpatient stay; compensation requires a prior signed agreement."
* #R-CMP-6 "Region responsible during inpatient stay" "When a patient with a companion is admitted, all nursing and medical responsibility passes to the region."
* #R-CMP-7 "Companion handover and staff purchase (Västmanland)" "The municipality assesses the need for a companion, hands over with a report, and may decline a ward's request to buy staff."
// Delegation
* #R-DEL-1 "Delegations cease at admission" "All earlier delegations cease to apply when the patient is admitted to inpatient care."
* #R-DEL-2 "Individual delegation during inpatient stay" "The region may give an individual, documented delegation to a personal assistant or companion during the stay."
* #R-DEL-3 "Delegation in a service purchase" "In a service purchase the region may delegate health-care tasks to the executor's staff after agreement; HSL tasks are excluded in Västmanland."
* #R-DEL-4 "Delegation is personal, written and time-limited" "A delegation decision is personal, written and valid at most one year; it records task, delegator, delegate, period and decision date."
// Personal assistance
* #R-PA-1 "No assistance compensation in hospital" "No assistance compensation during hospital care, except for shorter stays of at most four weeks with special reasons."
* #R-PA-2 "Application for compensation during stay" "Special needs noticed at admission but not granted are applied for by the executor together with the patient."
* #R-PA-3 "Assessment of special reasons" "The special-reasons assessment weighs the need for staff with deep knowledge, the principal's ability, and parental responsibility for children."
* #R-PA-4 "Repayment after granted compensation" "If assistance compensation is granted after a finished service purchase, the region is repaid."
// Service purchase
* #R-TK-1 "Service purchase is a written request" "A service purchase is a written request stating within what time the assignment must be done."
* #R-TK-2 "Responsibilities in a service purchase" "The requester holds care-provider responsibility; the lender holds employer responsibility."
* #R-TK-3 "Service purchase contract content" "The contract names parties with organisation numbers, period, days and times, patient, tasks, and ends at discharge or termination."
* #R-TK-4 "Compensation per region" "Compensation, invoicing and payment terms follow the region's rule set (Värmland, Västmanland, Jämtland Härjedalen, Gävleborg)."
* #R-TK-5 "Deviations during service purchase" "A care injury or risk noticed during a service purchase is reported in writing to the responsible care provider."
* #R-TK-6 "Documentation in the region's EHR" "Hired municipal staff document in the region's EHR (Cosmic) for service-purchase and primary-care assignments."
* #R-TK-7 "Documentation when Cosmic cannot be used" "The executor sends a written summary; records are transferred to the purchaser and not kept by the executor."
// Seriously ill people cared for at home
* #R-GV-1 "Target group: extensive home care" "Children or adults needing coordinated SoL/LSS and HSL interventions: respirator, tracheostomy or peritoneal dialysis."
* #R-GV-2 "Coordination by the health centre" "The health centre where the patient is listed coordinates discharge and home care, with a named physician."
* #R-GV-3 "Checklist, SIP and risk analysis before discharge" "Before discharge the checklist is followed and a SIP and a risk analysis are done with all care providers."
* #R-GV-4 "Children's home health care stays with the region" "Home health care is not transferred to municipalities for children under 18."
* #R-GV-5 "Training before independent work" "Staff are trained by specialist staff and introduced at the patient's home before working independently."
* #R-GV-6 "Self-care assessed case by case" "Whether something is self-care or health care is assessed case by case and reassessed when circumstances change."
// Home health care at primary-care level
* #R-HC-1 "Municipal home health care for adults" "The municipality is responsible for home health care at primary-care level for adults; the region keeps children."
* #R-HC-2 "Enrolment only by the primary-care physician" "Only the responsible primary-care physician decides enrolment in and discharge from home health care."
* #R-HC-3 "Threshold principle" "The patient first visits the health centre; municipal home care meets the need only when that is not possible."
* #R-HC-4 "SIP when both principals are needed" "When both principals are needed a SIP is called after consent; until then responsibility stays with who noticed first."
* #R-HV-1 "Home visit: a few visits over 1-4 weeks" "A home visit is an outpatient visit at home, not continuous: a few visits over one to four weeks."
* #R-HV-2 "Who initiates home visits" "Primary care and 1177 can initiate home visits to municipal home health care."
* #R-HV-3 "Specialist-initiated home visits" "Specialised care may initiate home visits only for listed interventions, clearly defined, with the ordering physician's contact."
* #R-HV-4 "Prescription and consent in NPÖ" "Prescription information and consent are documented and available in NPÖ; continuous visits require enrolment."
* #R-HV-5 "Municipality bears consumables" "The municipality bears devices, incontinence aids and consumables for the home-visit intervention."
* #R-CON-1 "Consent before information transfer" "The patient's consent is always obtained before information is transferred between the principals."
* #R-CON-2 "Declined home health care" "A person who declines home health care declines the intervention; it cannot move to another principal on request."
* #R-INFO-1 "SIP invitation at discharge" "The named care contact sends a SIP invitation in Lifecare SP at the latest on the discharge-ready date."
* #R-INFO-2 "Home health care assignment note" "The health centre writes the note Uppdrag hemsjukvård and messages the municipality, which replies with the first visit date."
* #R-INFO-3 "Single home visits after inpatient care" "The hospital sends a message per SBAR at the latest on the discharge-ready date; the municipality acknowledges."
* #R-INFO-4 "Telephone numbers between units" "Home health care and the health centre have a telephone number to each other; 1177 reaches municipal staff by phone."
* #R-OUT-1 "Outage routine" "When Lifecare SP, Cosmic or NPÖ is disturbed, information goes by telephone and the SBAR form by encrypted e-mail."
* #R-ESC-1 "Escalation of disagreements" "Disagreement on responsibility escalates from staff to unit managers to the MAS and MLA."
* #R-AD-1 "Assistive-device follow-up" "Follow-up of assistive devices by function and risk ratings; prescription responsibility passes at discharge if needed."
// Communication channels
* #R-COM-1 "Planned outpatient visit: no Cosmic Link" "For planned outpatient visits Cosmic Link is not used; connected clinics may use Cosmic Messenger."
* #R-COM-2 "Emergency: Cosmic Link one-way" "In emergencies the municipality informs the region via Cosmic Link; the emergency department cannot reply through it."
* #R-COM-3 "Inpatient stay: Cosmic Link" "During an inpatient stay municipality and region communicate via Cosmic Link."

ValueSet: RuleVS
Id: rule
Title: "Vårdbrygga domain rules"
Description: "All codes of the rule code system."
* insert VbValueSet
* include codes from system Rule
