// Valid examples: an inpatient stay with a companion need, a delegation and a service purchase (request,
// agreement, reported hours and invoice).

Instance: vb-encounter-example
InstanceOf: VbEncounter
Title: "Inpatient admission"
Description: "Tolvan is admitted to the medical ward; his delegations cease (R-DEL-1)."
Usage: #example
* insert Narrative(Inskrivning på Avdelning 21 Medicin 2025-03-10)
* status = #in-progress
* class = $v3-ActCode#IMP "inpatient encounter"
* subject = Reference(vb-patient-example) "Tolvan Tolvansson"
* period.start = "2025-03-10T14:20:00+01:00"
* serviceProvider = Reference(vb-organization-example) "Avdelning 21 Medicin, Centralsjukhuset Karlstad"

Instance: vb-companion-need-careplan-example
InstanceOf: VbCompanionNeedCarePlan
Title: "Companion need during an inpatient stay"
Description: "The ward flags that Tolvan needs a companion who knows him (R-CMP-5)."
Usage: #example
* insert Narrative(Behov av medföljare under vårdtiden på Avdelning 21)
* extension[visitContext].valueCoding = VisitContext#inpatient "Inpatient stay"
* status = #active
* intent = #plan
* category[companionNeed] = CarePlanCategory#companion-need "Companion need"
* subject = Reference(vb-patient-example) "Tolvan Tolvansson"
* encounter = Reference(vb-encounter-example)
* period.start = "2025-03-10"
* author = Reference(vb-organization-example) "Avdelning 21 Medicin, Centralsjukhuset Karlstad"
* description = "Tolvan kommunicerar med bildstöd och blir orolig med okänd personal; behöver medföljare som känner honom."

Instance: vb-companion-request-task-example
InstanceOf: VbCompanionRequestTask
Title: "Companion request to the assistance provider"
Description: "The ward asks the executor to provide a companion (R-CMP-1, R-CMP-5)."
Usage: #example
* insert Narrative(Förfrågan om medföljare till Trygga Händer Assistans AB)
* status = #requested
* businessStatus = DeliveryStatus#delivered "Delivered"
* intent = #order
* code = TaskCode#companion-request "Companion request"
* focus = Reference(vb-companion-need-careplan-example)
* for = Reference(vb-patient-example) "Tolvan Tolvansson"
* authoredOn = "2025-03-10T15:05:00+01:00"
* requester = Reference(vb-organization-example) "Avdelning 21 Medicin, Centralsjukhuset Karlstad"
* owner = Reference(vb-organization-example-assistance-provider) "Trygga Händer Assistans AB"

Instance: vb-delegation-task-example
InstanceOf: VbDelegationTask
Title: "Delegation to a personal assistant"
Description: "The ward nurse delegates PEG feeding to Tolvan's personal assistant for three months (R-DEL-2, R-DEL-4)."
Usage: #example
* insert Narrative(Delegering av sondmatning via PEG till personlig assistent Anna Berg 2025-03-11 -- 2025-06-10)
* status = #accepted
* intent = #order
* code = TaskCode#delegation "Delegation"
* for = Reference(vb-patient-example) "Tolvan Tolvansson"
* encounter = Reference(vb-encounter-example)
* authoredOn = "2025-03-11"
* requester = Reference(vb-practitioner-role-example) "Karin Lind, leg. sjuksköterska"
* owner = Reference(Practitioner/anna-berg) "Anna Berg, personlig assistent"
* restriction.period.start = "2025-03-11"
* restriction.period.end = "2025-06-10"
* input[delegatedTask].type = TaskParameterType#delegated-task "Delegated task"
* input[delegatedTask].valueString = "Sondmatning via PEG enligt ordination (delegeringsbeslut enligt FOR-25217)"

Instance: vb-service-purchase-request-task-example
InstanceOf: VbServicePurchaseRequestTask
Title: "Service purchase request"
Description: "The ward asks to buy staff from the assistance provider for a week, daytime (R-TK-1, R-CMP-7)."
Usage: #example
* insert Narrative(Begäran om tjänsteköp: personal dagtid 07-21 under en vecka)
* status = #requested
* intent = #order
* code = TaskCode#service-purchase-request "Service purchase request"
* for = Reference(vb-patient-example) "Tolvan Tolvansson"
* encounter = Reference(vb-encounter-example)
* authoredOn = "2025-03-11T09:30:00+01:00"
* requester = Reference(vb-organization-example) "Avdelning 21 Medicin, Centralsjukhuset Karlstad"
* owner = Reference(vb-organization-example-assistance-provider) "Trygga Händer Assistans AB"
* restriction.period.start = "2025-03-12T07:00:00+01:00"
* restriction.period.end = "2025-03-19T21:00:00+01:00"
* input[purchasedTask].type = TaskParameterType#purchased-task "Purchased task"
* input[purchasedTask].valueString = "Närvaro och stöd vid måltider, kommunikation och omvårdnad, dagligen 07-21"
* input[signedBy].type = TaskParameterType#signed-by "Signed by"
* input[signedBy].valueReference = Reference(Practitioner/maria-ek) "Maria Ek, avdelningschef"

Instance: vb-service-purchase-contract-example
InstanceOf: VbServicePurchaseContract
Title: "Signed service purchase agreement"
Description: "The agreement signed by the ward (purchaser) and the assistance provider (executor) before the staff start, under Region Västmanland's agreement (R-TK-3, R-TK-4, R-CMP-5)."
Usage: #example
* insert Narrative(Avtal om tjänsteköp mellan Avdelning 21 Medicin och Trygga Händer Assistans AB)
* extension[region].valueCoding = Region#vastmanland "Region Västmanland"
* extension[invoiceMark].valueString = "ansvarsnummer 4711"
* identifier.system = "http://vardbrygga.example/fhir/sid/service-purchase-agreement"
* identifier.value = "TK-2023-0042"
* status = #executed
* issued = "2023-03-11T16:00:00+01:00"
* applies.start = "2023-03-12T07:00:00+01:00"
* applies.end = "2023-03-19T21:00:00+01:00"
* subject = Reference(vb-patient-example) "Tolvan Tolvansson"
* supportingInfo = Reference(vb-service-purchase-request-task-example)
* signer[0].type = $contractsignertype#GRANTEE "Grantee"
* signer[0].party = Reference(vb-organization-example) "Avdelning 21 Medicin, Centralsjukhuset Karlstad"
* signer[0].signature.type = $signature-type#1.2.840.10065.1.12.1.1 "Author's Signature"
* signer[0].signature.when = "2023-03-11T15:40:00+01:00"
* signer[0].signature.who = Reference(Practitioner/maria-ek) "Maria Ek, avdelningschef"
* signer[1].type = $contractsignertype#GRANTOR "Grantor"
* signer[1].party = Reference(vb-organization-example-assistance-provider) "Trygga Händer Assistans AB"
* signer[1].signature.type = $signature-type#1.2.840.10065.1.12.1.1 "Author's Signature"
* signer[1].signature.when = "2023-03-11T16:00:00+01:00"
* signer[1].signature.who = Reference(Practitioner/jonas-holm) "Jonas Holm, verksamhetschef"
* term[0].type = ServicePurchase#days-and-times "Days and times"
* term[0].subType = ServicePurchase#whole-day "Whole days"
* term[0].text = "Personal från Trygga Händer Assistans AB dagligen 07-21 under perioden. Avtalet upphör direkt vid utskrivning. Utföraren meddelar avdelningen omedelbart om uppdraget inte kan fullföljas."
* term[0].offer.party[0].reference = Reference(vb-organization-example) "Avdelning 21 Medicin, Centralsjukhuset Karlstad"
* term[0].offer.party[0].role = ServicePurchase#purchaser "Purchaser"
* term[0].offer.party[1].reference = Reference(vb-organization-example-assistance-provider) "Trygga Händer Assistans AB"
* term[0].offer.party[1].role = ServicePurchase#executor "Executor"
* term[0].offer.text = "Dagligen 07-21"
* term[1].type = ServicePurchase#purchased-task "Purchased task"
* term[1].subType = PurchasedTaskKind#personal-care "Personal care"
* term[1].offer.text = "Närvaro och stöd vid måltider, kommunikation och omvårdnad"

Instance: vb-reported-hours-chargeitem-example
InstanceOf: VbReportedHoursChargeItem
Title: "Reported hours under the service purchase agreement"
Description: "The executor reports three hours its staff worked on the first morning; the server priced them by Region Västmanland's rule set, per minute (180 min × 290 SEK/h) (R-TK-4, R-CMP-5)."
Usage: #example
* insert Narrative(Rapporterad tid 2023-03-12 07:00-10:00 enligt avtal TK-2023-0042)
* identifier.system = "http://vardbrygga.example/fhir/sid/reported-hours"
* identifier.value = "TK-2023-0042-001"
* status = #billable
* code = ServicePurchase#reported-hours "Reported hours"
* subject = Reference(vb-patient-example) "Tolvan Tolvansson"
* occurrencePeriod.start = "2023-03-12T07:00:00+01:00"
* occurrencePeriod.end = "2023-03-12T10:00:00+01:00"
* performingOrganization = Reference(vb-organization-example-assistance-provider) "Trygga Händer Assistans AB"
* requestingOrganization = Reference(vb-organization-example) "Avdelning 21 Medicin, Centralsjukhuset Karlstad"
* supportingInformation = Reference(vb-service-purchase-contract-example)
* enteredDate = "2023-03-12T10:15:00+01:00"
* quantity = 180 'min' "min"
* factorOverride = 1.00
* priceOverride.value = 870
* priceOverride.currency = #SEK
* overrideReason = "Region Västmanland 2023: 290.00 SEK/h (the agreement (001)) per minute (R-TK-4)"

Instance: vb-service-purchase-invoice-example
InstanceOf: VbServicePurchaseInvoice
Title: "Invoice of the reported hours of March 2023"
Description: "The executor invoices the ward, the hours reported in March 2023 under Region Västmanland's rule set, monthly for a long stay (R-TK-4)."
Usage: #example
* insert Narrative(Faktura tjänsteköp mars 2023 från Trygga Händer Assistans AB till Avdelning 21 Medicin)
* extension[region].valueCoding = Region#vastmanland "Region Västmanland"
* extension[invoiceMark].valueString = "ansvarsnummer 4711"
* extension[period].valuePeriod.start = "2023-03-01"
* extension[period].valuePeriod.end = "2023-03-31"
* identifier.system = "http://vardbrygga.example/fhir/sid/invoice"
* identifier.value = "F-2023-0317"
* status = #issued
* type = ServicePurchase#invoice "Service purchase invoice"
* subject = Reference(vb-patient-example) "Tolvan Tolvansson"
* recipient = Reference(vb-organization-example) "Avdelning 21 Medicin, Centralsjukhuset Karlstad"
* issuer = Reference(vb-organization-example-assistance-provider) "Trygga Händer Assistans AB"
* date = "2023-04-02"
* lineItem[0].sequence = 1
* lineItem[0].chargeItemReference = Reference(vb-reported-hours-chargeitem-example)
* lineItem[0].priceComponent[0].type = #base
* lineItem[0].priceComponent[0].factor = 1.00
* lineItem[0].priceComponent[0].amount.value = 870
* lineItem[0].priceComponent[0].amount.currency = #SEK
* totalNet.value = 870
* totalNet.currency = #SEK
* totalGross.value = 870
* totalGross.currency = #SEK
* paymentTerms = "Region Västmanland (agreement 001): the agreement states no payment term; marked with ansvarsnummer (the purchasing unit's responsibility number) (R-TK-4)"
